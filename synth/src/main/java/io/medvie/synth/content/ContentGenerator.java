package io.medvie.synth.content;

import io.medvie.synth.content.TestDef.RangeKind;
import io.medvie.synth.content.TestDef.UnitOption;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes the content of one report: a patient, a lab, dates and results whose flags follow from
 * their values and ranges. All names, ids and labs are invented.
 */
public final class ContentGenerator {

    private static final List<String> FIRST_F =
            List.of(
                    "Anita", "Maria", "Sarah", "Priya", "Fatima", "Elena", "Grace", "Aisha",
                    "Linda", "Sofia", "Meera", "Hannah", "Chloe", "Yuki", "Ngozi", "Ingrid",
                    "Lucia", "Deepa", "Emily", "Amara", "Nadia", "Rosa", "Kavya", "Julia");
    private static final List<String> FIRST_M =
            List.of(
                    "Rahul",
                    "James",
                    "Mohammed",
                    "Carlos",
                    "David",
                    "Arjun",
                    "Peter",
                    "Kwame",
                    "Lukas",
                    "Omar",
                    "Thomas",
                    "Vikram",
                    "Daniel",
                    "Kenji",
                    "Samuel",
                    "Ahmed",
                    "Marco",
                    "Ivan",
                    "Suresh",
                    "Michael",
                    "Jonas",
                    "Tariq",
                    "Ravi",
                    "Paul");
    private static final List<String> LAST =
            List.of(
                    "Sharma",
                    "Smith",
                    "Garcia",
                    "Mueller",
                    "Okafor",
                    "Nguyen",
                    "Patel",
                    "Rossi",
                    "Kowalski",
                    "Haddad",
                    "Johnson",
                    "Fernandes",
                    "Tanaka",
                    "Mensah",
                    "Iyer",
                    "Schneider",
                    "Lopez",
                    "Andersson",
                    "Khan",
                    "Brown",
                    "Reddy",
                    "Novak",
                    "Dubois",
                    "Wilson",
                    "Menon",
                    "Silva",
                    "Becker",
                    "Ali",
                    "Costa",
                    "Murphy");
    private static final List<String> LAB_A =
            List.of(
                    "Sunrise",
                    "Northgate",
                    "Bluewater",
                    "Lakeside",
                    "Meridian",
                    "Cedar",
                    "Silverline",
                    "Greenfield",
                    "Harbour",
                    "Summit",
                    "Riverbend",
                    "Oakwood",
                    "Crescent",
                    "Pinnacle",
                    "Westbrook",
                    "Aurora");
    private static final List<String> LAB_B =
            List.of(
                    "Diagnostics",
                    "Pathology Laboratory",
                    "Clinical Labs",
                    "Medical Laboratory",
                    "Diagnostic Centre",
                    "Laboratory Services",
                    "Pathology Lab",
                    "Labs");
    private static final List<String> STREETS =
            List.of(
                    "Harbour Road",
                    "Main Street",
                    "MG Road",
                    "Station Road",
                    "Elm Avenue",
                    "Ring Road",
                    "Park Lane",
                    "Hospital Road",
                    "Lindenstrasse",
                    "King Street");
    private static final List<String> CITIES =
            List.of(
                    "Westfield",
                    "Pune",
                    "Riverton",
                    "Hamburg",
                    "Lagos",
                    "Springdale",
                    "Chennai",
                    "Lyon",
                    "Dublin",
                    "Porto",
                    "Nairobi",
                    "Brookhaven");
    private static final List<String> DATE_PATTERNS =
            List.of(
                    "dd/MM/yyyy",
                    "yyyy-MM-dd",
                    "dd-MMM-yyyy",
                    "MM/dd/yyyy",
                    "dd.MM.yyyy",
                    "dd MMM yyyy");
    private static final List<String> TIME_PATTERNS = List.of("HH:mm", "hh:mm a", "HH:mm:ss");
    private static final Pattern MICRO = Pattern.compile("(?<=^|/)u(?=[a-zA-Z])");

    private ContentGenerator() {}

    public static ReportContent generate(Rng rng, ContentOptions opts) {
        char system = opts.systems().charAt(rng.nextInt(opts.systems().length()));
        Spelling spelling = new Spelling(rng, opts, system);
        LocalDateTime collected =
                LocalDateTime.of(2022, 1, 1, 6, 0)
                        .plusDays(rng.nextInt(4 * 365))
                        .plusMinutes(rng.nextInt(12 * 60));
        LocalDateTime received = collected.plusMinutes(rng.between(20, 180));
        LocalDateTime reported = received.plusMinutes(rng.between(60, 30 * 60));

        Patient patient = patient(rng, spelling, collected.toLocalDate());
        Lab lab = lab(rng);
        List<Section> sections = sections(rng, opts, spelling, patient.sex());
        return new ReportContent(
                patient,
                lab,
                reportId(rng, collected),
                spelling.dateTime(collected),
                spelling.dateTime(received),
                spelling.dateTime(reported),
                physician(rng),
                specimen(rng, sections),
                sections,
                Notes.forSections(rng, sections),
                signers(rng));
    }

    private static Patient patient(Rng rng, Spelling sp, LocalDate on) {
        Sex sex = rng.chance(0.5) ? Sex.F : Sex.M;
        String first = rng.pick(sex == Sex.F ? FIRST_F : FIRST_M);
        String last = rng.pick(LAST);
        String middle = rng.chance(0.25) ? rng.letters(1) + "." : null;
        String name =
                switch (rng.nextInt(5)) {
                    case 0 -> (last + ", " + first).toUpperCase(Locale.ROOT);
                    case 1 -> (first + " " + last).toUpperCase(Locale.ROOT);
                    case 2 -> last + ", " + first;
                    default ->
                            middle == null ? first + " " + last : first + " " + middle + " " + last;
                };
        String honorific =
                rng.chance(0.3) ? (sex == Sex.F ? rng.pick("Mrs.", "Ms.") : "Mr.") : null;
        int years = rng.chance(0.9) ? rng.between(18, 92) : rng.between(2, 17);
        LocalDate birth = on.minusYears(years).minusDays(rng.nextInt(365));
        int age = Period.between(birth, on).getYears();
        String agePrinted = rng.pick("%d", "%d Y", "%d Years", "%d YRS", "%dY", "%d yrs");
        String sexPrinted =
                switch (rng.nextInt(3)) {
                    case 0 -> sex.name();
                    case 1 -> sex == Sex.F ? "Female" : "Male";
                    default -> sex == Sex.F ? "FEMALE" : "MALE";
                };
        String id =
                switch (rng.nextInt(5)) {
                    case 0 -> rng.digits(8);
                    case 1 -> "P" + rng.digits(7);
                    case 2 -> rng.letters(2) + rng.digits(6);
                    case 3 -> rng.digits(4) + "-" + rng.digits(5);
                    default -> "MRN" + rng.digits(6);
                };
        return new Patient(
                honorific,
                name,
                id,
                sex,
                sexPrinted,
                sp.date(birth),
                String.format(Locale.ROOT, agePrinted, age),
                age);
    }

    private static Lab lab(Rng rng) {
        String a = rng.pick(LAB_A);
        String name = a + " " + rng.pick(LAB_B);
        String city = rng.pick(CITIES);
        String domain = a.toLowerCase(Locale.ROOT) + "-labs.example";
        List<String> address =
                List.of(
                        rng.between(1, 240)
                                + " "
                                + rng.pick(STREETS)
                                + ", "
                                + city
                                + " "
                                + rng.digits(5),
                        rng.pick(
                                "Open Mon-Sat 7:00-20:00",
                                "24 x 7 Emergency Services",
                                "Sample collection 7 am to 9 pm",
                                "Home collection available"));
        String phone =
                "+"
                        + rng.between(1, 91)
                        + " "
                        + rng.digits(3)
                        + " "
                        + rng.digits(3)
                        + " "
                        + rng.digits(4);
        String accreditation =
                rng.pick(
                        "NABL Accredited Laboratory",
                        "ISO 15189:2022 accredited",
                        "CAP accredited | CLIA ID " + rng.digits(2) + "D" + rng.digits(7),
                        "Accredited by DAkkS D-ML-" + rng.digits(5) + "-01-00");
        int color = rng.pick(0x1f3c88, 0x8b1a1a, 0x0d6e4e, 0x444444, 0x5b2c83, 0x00587a);
        return new Lab(
                name,
                rng.pick(
                        "Quality you can trust",
                        "Precise. Reliable. Fast.",
                        "Care through accurate diagnosis",
                        "Pathology & Imaging"),
                address,
                phone,
                "info@" + domain,
                "www." + domain,
                accreditation,
                color);
    }

    private static String reportId(Rng rng, LocalDateTime at) {
        String ymd = at.format(DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT));
        return switch (rng.nextInt(4)) {
            case 0 -> "LR" + ymd + "-" + rng.digits(4);
            case 1 -> rng.digits(10);
            case 2 -> rng.letters(3) + "/" + at.getYear() + "/" + rng.digits(5);
            default -> "A" + rng.digits(2) + "-" + rng.digits(6);
        };
    }

    private static String physician(Rng rng) {
        String first = rng.pick(rng.chance(0.5) ? FIRST_F : FIRST_M);
        String last = rng.pick(LAST);
        return switch (rng.nextInt(6)) {
            case 0 -> "Dr. " + first + " " + last;
            case 1 -> "Dr. " + first.charAt(0) + ". " + last;
            case 2 -> last + ", " + first + " MD";
            case 3 -> "SELF";
            case 4 -> "DR. " + (first + " " + last).toUpperCase(Locale.ROOT);
            default -> "Dr. " + last;
        };
    }

    private static List<String> signers(Rng rng) {
        List<String> out = new ArrayList<>();
        int n = rng.between(1, 2);
        for (int i = 0; i < n; i++) {
            out.add("Dr. " + rng.pick(FIRST_F) + " " + rng.pick(LAST));
            out.add(
                    rng.pick(
                            "MD (Pathology)",
                            "Consultant Pathologist",
                            "MBBS, DCP",
                            "Clinical Biochemist",
                            "Laboratory Director"));
        }
        return out;
    }

    private static String specimen(Rng rng, List<Section> sections) {
        boolean blood = false;
        boolean serum = false;
        boolean urine = false;
        for (Section s : sections) {
            switch (s.panel()) {
                case CBC, DIFFERENTIAL -> blood = true;
                case URINE -> urine = true;
                case COAGULATION -> serum = serum || rng.chance(0.2);
                default -> serum = true;
            }
        }
        List<String> parts = new ArrayList<>();
        if (blood) {
            parts.add(rng.pick("Whole Blood EDTA", "EDTA Blood", "Whole blood"));
        }
        if (serum) {
            parts.add(rng.pick("Serum", "Plasma", "Serum"));
        }
        if (urine) {
            parts.add(rng.pick("Urine", "Spot urine", "Urine, random"));
        }
        if (parts.isEmpty()) {
            parts.add("Citrate plasma");
        }
        if (parts.size() > 2) {
            parts = parts.subList(0, 2);
        }
        return String.join(", ", parts);
    }

    private static List<Section> sections(Rng rng, ContentOptions opts, Spelling sp, Sex sex) {
        List<Panel> candidates = new ArrayList<>();
        for (Panel p : Panel.values()) {
            if (p != Panel.DIFFERENTIAL) {
                candidates.add(p);
            }
        }
        int n = rng.between(opts.minPanels(), opts.maxPanels());
        boolean[] chosen = new boolean[Panel.values().length];
        // Most real requests include a blood count; keep it common so the differential shows up.
        if (rng.chance(0.6)) {
            chosen[Panel.CBC.ordinal()] = true;
            n--;
        }
        while (n > 0) {
            Panel p = rng.pick(candidates);
            if (!chosen[p.ordinal()]) {
                chosen[p.ordinal()] = true;
                n--;
            }
        }
        boolean bothDiff = rng.chance(opts.differentialBoth());
        List<Section> out = new ArrayList<>();
        for (Panel p : Panel.values()) {
            if (!chosen[p.ordinal()] || p == Panel.DIFFERENTIAL) {
                continue;
            }
            List<ResultRow> rows = new ArrayList<>();
            for (TestDef def : TestCatalog.panel(p)) {
                if (rng.chance(0.85)) {
                    addIfPrintable(
                            rows,
                            row(
                                    rng,
                                    opts,
                                    sp,
                                    sex,
                                    def,
                                    def.names().get(rng.nextInt(Math.min(2, def.names().size()))),
                                    null));
                }
            }
            if (p == Panel.CBC) {
                addDifferential(rng, opts, sp, sex, rows, bothDiff);
            }
            if (rows.isEmpty()) {
                TestDef def = TestCatalog.panel(p).get(0);
                addIfPrintable(rows, row(rng, opts, sp, sex, def, def.names().get(0), null));
            }
            if (rows.isEmpty()) {
                continue;
            }
            out.add(new Section(p, p.department(), rng.pick(p.headings()), List.copyOf(rows)));
        }
        if (out.isEmpty()) {
            // Every unit system has a blood count, so this cannot come back empty.
            return sections(rng, opts.withPanels(1, 1), sp, sex);
        }
        return List.copyOf(out);
    }

    private static void addDifferential(
            Rng rng,
            ContentOptions opts,
            Spelling sp,
            Sex sex,
            List<ResultRow> rows,
            boolean both) {
        String sub = rng.pick(Panel.DIFFERENTIAL.headings());
        boolean sameName = rng.chance(0.6);
        List<TestDef> diff = TestCatalog.panel(Panel.DIFFERENTIAL);
        boolean first = true;
        for (TestDef def : diff) {
            if (def.key().endsWith("%")) {
                ResultRow r = row(rng, opts, sp, sex, def, def.names().get(0), first ? sub : null);
                addIfPrintable(rows, r);
                first = first && r == null;
            }
        }
        if (!both) {
            return;
        }
        boolean firstAbs = true;
        for (TestDef def : diff) {
            if (def.key().endsWith("#")) {
                // The same name twice, told apart by the unit only, as many reports print it.
                String name = sameName ? def.names().get(0) : def.names().get(1);
                String heading =
                        firstAbs && !sameName ? null : (firstAbs ? "Absolute count" : null);
                ResultRow r = row(rng, opts, sp, sex, def, name, heading);
                addIfPrintable(rows, r);
                firstAbs = firstAbs && r == null;
            }
        }
    }

    private static void addIfPrintable(List<ResultRow> rows, ResultRow r) {
        if (r != null) {
            rows.add(r);
        }
    }

    private static ResultRow row(
            Rng rng,
            ContentOptions opts,
            Spelling sp,
            Sex sex,
            TestDef def,
            String name,
            String subheading) {
        String method = rng.pick(def.methods());
        if (def.isQualitative()) {
            String value = rng.chance(0.8) ? def.qualitative().get(0) : rng.pick(def.qualitative());
            List<String> range = rng.chance(0.7) ? List.of(def.qualitative().get(0)) : List.of();
            return new ResultRow(
                    def,
                    name,
                    value,
                    null,
                    range,
                    null,
                    method,
                    previousQualitative(rng, def, opts),
                    subheading);
        }
        UnitOption u = unitFor(def, sp.system);
        if (u == null) {
            return null;
        }
        double lo = u.low(sex);
        double hi = u.high(sex);
        double v = draw(rng, u.kind(), lo, hi);
        BigDecimal value = BigDecimal.valueOf(v).setScale(u.decimals(), RoundingMode.HALF_UP);
        if (value.signum() < 0) {
            value = BigDecimal.ZERO.setScale(u.decimals(), RoundingMode.HALF_UP);
        }
        Flag flag = flag(value.doubleValue(), u.kind(), lo, hi);
        String unit = "-".equals(u.unit()) ? null : sp.unit(u.unit());
        List<String> range = sp.range(u, sex, rng);
        String previous = null;
        if (opts.previousResults() && rng.chance(0.7)) {
            double pv = draw(rng, u.kind(), lo, hi);
            previous =
                    sp.number(
                            BigDecimal.valueOf(Math.max(0, pv))
                                    .setScale(u.decimals(), RoundingMode.HALF_UP),
                            u);
        }
        return new ResultRow(
                def, name, sp.number(value, u), unit, range, flag, method, previous, subheading);
    }

    private static String previousQualitative(Rng rng, TestDef def, ContentOptions opts) {
        return opts.previousResults() && rng.chance(0.5) ? def.qualitative().get(0) : null;
    }

    private static UnitOption unitFor(TestDef def, char system) {
        for (UnitOption u : def.units()) {
            if (u.systems().indexOf(system) >= 0) {
                return u;
            }
        }
        // Labs of one unit system do not print a test they only know in another.
        return null;
    }

    /** Mostly inside the range, sometimes outside, never exactly on a bound. */
    private static double draw(Rng rng, RangeKind kind, double lo, double hi) {
        boolean abnormal = rng.chance(0.22);
        return switch (kind) {
            case UPPER -> abnormal ? hi * rng.uniform(1.08, 2.2) : hi * rng.uniform(0.2, 0.94);
            case LOWER -> abnormal ? lo * rng.uniform(0.45, 0.92) : lo * rng.uniform(1.08, 2.0);
            case BETWEEN -> {
                double span = hi - lo;
                if (!abnormal) {
                    yield rng.uniform(lo + 0.04 * span, hi - 0.04 * span);
                }
                boolean low = lo > 0 && rng.chance(0.45);
                yield low ? lo - span * rng.uniform(0.06, 0.5) : hi + span * rng.uniform(0.06, 0.7);
            }
        };
    }

    /** Ranges are inclusive: a value equal to a bound is normal. */
    static Flag flag(double value, RangeKind kind, double lo, double hi) {
        boolean over = kind != RangeKind.LOWER && value > hi;
        boolean under = kind != RangeKind.UPPER && value < lo;
        return over ? Flag.H : under ? Flag.L : Flag.N;
    }

    /** Per-report spelling choices: unit spellings, date formats, range and number styles. */
    static final class Spelling {
        final char system;
        private final boolean micro;
        private final boolean lowerDl;
        private final boolean superscript;
        private final String rangeSep;
        private final String upperStyle;
        private final String lowerStyle;
        private final boolean comma;
        private final boolean thousands;
        private final boolean bothSexes;
        private final String sexStyle;
        private final DateTimeFormatter date;
        private final DateTimeFormatter time;

        Spelling(Rng rng, ContentOptions opts, char system) {
            this.system = system;
            this.micro = rng.chance(0.5);
            this.lowerDl = rng.chance(system == 'I' ? 0.6 : 0.2);
            this.superscript = rng.chance(0.3);
            this.rangeSep = rng.pick("-", " - ", "-", " - ", " to ");
            this.upperStyle = rng.pick("< %s", "Up to %s", "0%s%s", "<%s");
            this.lowerStyle = rng.pick("> %s", ">%s", "Above %s");
            this.comma = opts.decimalComma();
            this.thousands = rng.chance(0.7);
            this.bothSexes = rng.chance(opts.sexRangesBoth());
            this.sexStyle = rng.pick("M: %s", "Male %s", "M %s");
            this.date = DateTimeFormatter.ofPattern(rng.pick(DATE_PATTERNS), Locale.ENGLISH);
            this.time = DateTimeFormatter.ofPattern(rng.pick(TIME_PATTERNS), Locale.ENGLISH);
        }

        String date(LocalDate d) {
            return d.format(date);
        }

        String dateTime(LocalDateTime t) {
            return t.toLocalDate().format(date) + " " + t.format(time);
        }

        String unit(String unit) {
            String u = unit;
            if (micro) {
                u = MICRO.matcher(u).replaceAll("\u00b5");
            }
            if (lowerDl) {
                u = u.replace("dL", "dl");
            }
            if (superscript) {
                u =
                        u.replace("^12", "\u00b9\u00b2")
                                .replace("^9", "\u2079")
                                .replace("^6", "\u2076")
                                .replace("^3", "\u00b3");
            }
            return u;
        }

        String number(BigDecimal v, UnitOption u) {
            String s = v.toPlainString();
            if (thousands && u.thousands() && v.compareTo(BigDecimal.valueOf(1000)) >= 0) {
                s = String.format(Locale.ROOT, "%,d", v.longValue());
            }
            return comma ? s.replace('.', ',') : s;
        }

        private String bound(double b, UnitOption u) {
            return number(BigDecimal.valueOf(b).setScale(u.decimals(), RoundingMode.HALF_UP), u);
        }

        List<String> range(UnitOption u, Sex sex, Rng rng) {
            if (u.bySex() && bothSexes) {
                String m = String.format(Locale.ROOT, sexStyle, one(u, Sex.M));
                String f =
                        String.format(
                                Locale.ROOT,
                                sexStyle.replace("M", "F").replace("Fale", "Female"),
                                one(u, Sex.F));
                return List.of(m, f);
            }
            return List.of(one(u, sex));
        }

        private String one(UnitOption u, Sex sex) {
            return switch (u.kind()) {
                case BETWEEN -> bound(u.low(sex), u) + rangeSep + bound(u.high(sex), u);
                case UPPER ->
                        upperStyle.startsWith("0")
                                ? bound(0, u) + rangeSep + bound(u.high(sex), u)
                                : String.format(Locale.ROOT, upperStyle, bound(u.high(sex), u));
                case LOWER -> String.format(Locale.ROOT, lowerStyle, bound(u.low(sex), u));
            };
        }
    }
}
