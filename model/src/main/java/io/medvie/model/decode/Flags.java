package io.medvie.model.decode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags as the document wants them (H, L, N): read from a printed flag, or derived from the value
 * and the printed reference range the way the synthetic ground truth is made (docs/data-layout.md):
 * above the upper bound H, below the lower bound L, otherwise N, bounds inclusive, the range for
 * the patient's sex when the range is printed per sex.
 */
public final class Flags {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:[.,][0-9]+)*");
    private static final Pattern THOUSANDS =
            Pattern.compile("[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?");
    private static final Pattern SEX_MARK =
            Pattern.compile("(?i)(?<![a-z])(male|female|men|women|m|f)(?![a-z])\\s*:?");

    private Flags() {}

    /** The flag a printed flag text means, if it can be read ("H", "High", "↑", "L", ...). */
    public static Optional<String> printed(String text) {
        String t = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return switch (t) {
            case "H", "HI", "HIGH", "\u2191", "H*", "*H", "(H)", "[H]" -> Optional.of("H");
            case "L", "LO", "LOW", "\u2193", "L*", "*L", "(L)", "[L]" -> Optional.of("L");
            case "N", "NORMAL", "(N)" -> Optional.of("N");
            default -> Optional.empty();
        };
    }

    /** A printed number as a decimal: "5,100" is 5100, "13,2" is 13.2; null when not a number. */
    public static BigDecimal number(String text) {
        String t = text.replaceAll("\\s+", "");
        t = t.replaceFirst("^[<>=\u2264\u2265]+", "");
        if (!NUMBER.matcher(t).matches()) {
            return null;
        }
        if (THOUSANDS.matcher(t).matches()) {
            t = t.replace(",", "");
        } else {
            t = t.replace(',', '.');
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            // "1.2.3" passes the pattern; it is not a number.
            return null;
        }
    }

    /**
     * The flag of a value against a printed range.
     *
     * @param sex F, M or null/U when unknown (a range printed per sex then gives no flag)
     * @return H, L or N, or empty when the value is not a number or the range cannot be read
     */
    public static Optional<String> derive(String value, String range, String sex) {
        if (value == null || range == null) {
            return Optional.empty();
        }
        BigDecimal v = number(value);
        if (v == null) {
            return Optional.empty();
        }
        String segment = segmentFor(range, sex);
        if (segment == null) {
            return Optional.empty();
        }
        String s = segment.trim().toLowerCase(Locale.ROOT);
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            BigDecimal n = number(m.group());
            if (n != null) {
                numbers.add(n);
            }
        }
        if (numbers.isEmpty()) {
            return Optional.empty();
        }
        boolean upperOnly =
                s.startsWith("<")
                        || s.startsWith("\u2264")
                        || s.startsWith("up to")
                        || s.startsWith("upto")
                        || s.startsWith("below");
        boolean lowerOnly = s.startsWith(">") || s.startsWith("\u2265") || s.startsWith("above");
        if (upperOnly) {
            return Optional.of(v.compareTo(numbers.get(0)) > 0 ? "H" : "N");
        }
        if (lowerOnly) {
            return Optional.of(v.compareTo(numbers.get(0)) < 0 ? "L" : "N");
        }
        if (numbers.size() < 2) {
            return Optional.empty();
        }
        BigDecimal lo = numbers.get(0);
        BigDecimal hi = numbers.get(1);
        if (v.compareTo(hi) > 0) {
            return Optional.of("H");
        }
        if (v.compareTo(lo) < 0) {
            return Optional.of("L");
        }
        return Optional.of("N");
    }

    /** The part of a range for the patient's sex; the whole range when it is not split by sex. */
    static String segmentFor(String range, String sex) {
        Matcher m = SEX_MARK.matcher(range);
        List<int[]> marks = new ArrayList<>();
        List<Character> sexes = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
            sexes.add(
                    Character.toUpperCase(m.group(1).charAt(0)) == 'F'
                                    || m.group(1).toLowerCase(Locale.ROOT).startsWith("w")
                            ? 'F'
                            : 'M');
        }
        if (marks.isEmpty()) {
            return range;
        }
        if (sex == null || !(sex.equals("F") || sex.equals("M"))) {
            return null;
        }
        for (int i = 0; i < marks.size(); i++) {
            if (sexes.get(i) == sex.charAt(0)) {
                int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : range.length();
                return range.substring(marks.get(i)[1], end);
            }
        }
        return null;
    }
}
