package io.medvie.synth.content;

import io.medvie.synth.content.TestDef.RangeKind;
import io.medvie.synth.content.TestDef.UnitOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab tests the generator knows (94 of them), with adult reference ranges of the kind printed
 * by common analysers. The ranges are plausible, not clinical advice: they only have to be
 * consistent with the values and flags the generator prints.
 *
 * <p>Units "-" are dimensionless and printed without a unit. "u" stands for micro and is printed as
 * "u" or "\u00b5" depending on the report.
 */
public final class TestCatalog {

    private static final List<TestDef> ALL = build();

    private TestCatalog() {}

    public static List<TestDef> all() {
        return ALL;
    }

    public static List<TestDef> panel(Panel panel) {
        List<TestDef> out = new ArrayList<>();
        for (TestDef t : ALL) {
            if (t.panel() == panel) {
                out.add(t);
            }
        }
        return out;
    }

    public static TestDef byKey(String key) {
        for (TestDef t : ALL) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no test with key " + key);
    }

    private static void add(List<TestDef> all, TestDef def) {
        all.add(def);
    }

    private static List<TestDef> build() {
        List<TestDef> all = new ArrayList<>();
        add(
                all,
                new TestDef(
                        "HGB",
                        Panel.CBC,
                        List.of("Hemoglobin", "Haemoglobin", "Hb", "HGB"),
                        List.of(
                                new UnitOption(
                                        "g/dL",
                                        13.0,
                                        17.0,
                                        12.0,
                                        15.5,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "g/L",
                                        130,
                                        170,
                                        120,
                                        155,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false),
                                new UnitOption(
                                        "mmol/L",
                                        8.1,
                                        10.6,
                                        7.4,
                                        9.6,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Photometry", "Cyanmethemoglobin", "SLS method")));
        add(
                all,
                new TestDef(
                        "RBC",
                        Panel.CBC,
                        List.of(
                                "RBC Count",
                                "Red Blood Cell Count",
                                "Erythrocytes",
                                "Total RBC count"),
                        List.of(
                                new UnitOption(
                                        "million/cumm",
                                        4.50,
                                        5.50,
                                        3.80,
                                        4.80,
                                        2,
                                        RangeKind.BETWEEN,
                                        "I",
                                        false),
                                new UnitOption(
                                        "x10^12/L",
                                        4.50,
                                        5.50,
                                        3.80,
                                        4.80,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false),
                                new UnitOption(
                                        "10^6/uL",
                                        4.50,
                                        5.50,
                                        3.80,
                                        4.80,
                                        2,
                                        RangeKind.BETWEEN,
                                        "C",
                                        false)),
                        List.of(),
                        List.of("Impedance", "Electrical impedance")));
        add(
                all,
                new TestDef(
                        "HCT",
                        Panel.CBC,
                        List.of("Hematocrit", "Packed Cell Volume (PCV)", "Haematocrit", "HCT"),
                        List.of(
                                new UnitOption(
                                        "%",
                                        40.0, 50.0, 36.0, 46.0, 1, RangeKind.BETWEEN, "CI", false),
                                new UnitOption(
                                        "L/L",
                                        0.40,
                                        0.50,
                                        0.36,
                                        0.46,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "MCV",
                        Panel.CBC,
                        List.of("MCV", "Mean Corpuscular Volume"),
                        List.of(
                                new UnitOption(
                                        "fL",
                                        83.0,
                                        101.0,
                                        83.0,
                                        101.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "MCH",
                        Panel.CBC,
                        List.of("MCH", "Mean Corpuscular Hemoglobin"),
                        List.of(
                                new UnitOption(
                                        "pg",
                                        27.0,
                                        32.0,
                                        27.0,
                                        32.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "MCHC",
                        Panel.CBC,
                        List.of("MCHC", "Mean Corp. Hb Concentration"),
                        List.of(
                                new UnitOption(
                                        "g/dL",
                                        31.5,
                                        34.5,
                                        31.5,
                                        34.5,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "g/L",
                                        315,
                                        345,
                                        315,
                                        345,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "RDW",
                        Panel.CBC,
                        List.of("RDW-CV", "Red Cell Distribution Width", "RDW"),
                        List.of(
                                new UnitOption(
                                        "%",
                                        11.6,
                                        14.0,
                                        11.6,
                                        14.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "WBC",
                        Panel.CBC,
                        List.of(
                                "Total Leucocyte Count",
                                "WBC Count",
                                "White Blood Cells",
                                "Total WBC count"),
                        List.of(
                                new UnitOption(
                                        "cumm",
                                        4000,
                                        10000,
                                        4000,
                                        10000,
                                        0,
                                        RangeKind.BETWEEN,
                                        "I",
                                        true),
                                new UnitOption(
                                        "x10^9/L",
                                        4.0,
                                        10.0,
                                        4.0,
                                        10.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false),
                                new UnitOption(
                                        "10^3/uL",
                                        4.00,
                                        10.00,
                                        4.00,
                                        10.00,
                                        2,
                                        RangeKind.BETWEEN,
                                        "C",
                                        false)),
                        List.of(),
                        List.of("Impedance", "Flow cytometry")));
        add(
                all,
                new TestDef(
                        "PLT",
                        Panel.CBC,
                        List.of("Platelet Count", "Platelets", "PLT"),
                        List.of(
                                new UnitOption(
                                        "lakhs/cumm",
                                        1.50,
                                        4.10,
                                        1.50,
                                        4.10,
                                        2,
                                        RangeKind.BETWEEN,
                                        "I",
                                        false),
                                new UnitOption(
                                        "x10^9/L",
                                        150,
                                        410,
                                        150,
                                        410,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false),
                                new UnitOption(
                                        "10^3/uL",
                                        150,
                                        410,
                                        150,
                                        410,
                                        0,
                                        RangeKind.BETWEEN,
                                        "C",
                                        false)),
                        List.of(),
                        List.of("Impedance")));
        add(
                all,
                new TestDef(
                        "MPV",
                        Panel.CBC,
                        List.of("MPV", "Mean Platelet Volume"),
                        List.of(
                                new UnitOption(
                                        "fL",
                                        7.5,
                                        11.5,
                                        7.5,
                                        11.5,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "ESR",
                        Panel.CBC,
                        List.of("ESR", "Erythrocyte Sedimentation Rate"),
                        List.of(
                                new UnitOption(
                                        "mm/hr", 0, 15, 0, 20, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Westergren", "Modified Westergren")));
        add(
                all,
                new TestDef(
                        "RETIC",
                        Panel.CBC,
                        List.of("Reticulocyte Count", "Reticulocytes"),
                        List.of(
                                new UnitOption(
                                        "%",
                                        0.5, 2.5, 0.5, 2.5, 1, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Supravital stain")));
        add(
                all,
                new TestDef(
                        "NEUT%",
                        Panel.DIFFERENTIAL,
                        List.of("Neutrophils", "Polymorphs", "Segmented Neutrophils"),
                        List.of(
                                new UnitOption(
                                        "%", 40, 80, 40, 80, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Flow cytometry", "Microscopy")));
        add(
                all,
                new TestDef(
                        "LYMPH%",
                        Panel.DIFFERENTIAL,
                        List.of("Lymphocytes"),
                        List.of(
                                new UnitOption(
                                        "%", 20, 40, 20, 40, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Flow cytometry", "Microscopy")));
        add(
                all,
                new TestDef(
                        "MONO%",
                        Panel.DIFFERENTIAL,
                        List.of("Monocytes"),
                        List.of(
                                new UnitOption(
                                        "%", 2, 10, 2, 10, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Flow cytometry", "Microscopy")));
        add(
                all,
                new TestDef(
                        "EOS%",
                        Panel.DIFFERENTIAL,
                        List.of("Eosinophils"),
                        List.of(
                                new UnitOption(
                                        "%", 1, 6, 1, 6, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Flow cytometry", "Microscopy")));
        add(
                all,
                new TestDef(
                        "BASO%",
                        Panel.DIFFERENTIAL,
                        List.of("Basophils"),
                        List.of(
                                new UnitOption(
                                        "%", 0, 2, 0, 2, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Flow cytometry", "Microscopy")));
        add(
                all,
                new TestDef(
                        "NEUT#",
                        Panel.DIFFERENTIAL,
                        List.of("Neutrophils", "Absolute Neutrophil Count", "Neutrophils (Abs)"),
                        List.of(
                                new UnitOption(
                                        "cumm",
                                        2000,
                                        7000,
                                        2000,
                                        7000,
                                        0,
                                        RangeKind.BETWEEN,
                                        "I",
                                        true),
                                new UnitOption(
                                        "x10^9/L",
                                        2.00,
                                        7.00,
                                        2.00,
                                        7.00,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false),
                                new UnitOption(
                                        "10^3/uL",
                                        2.00,
                                        7.00,
                                        2.00,
                                        7.00,
                                        2,
                                        RangeKind.BETWEEN,
                                        "C",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "LYMPH#",
                        Panel.DIFFERENTIAL,
                        List.of("Lymphocytes", "Absolute Lymphocyte Count", "Lymphocytes (Abs)"),
                        List.of(
                                new UnitOption(
                                        "cumm",
                                        1000,
                                        3000,
                                        1000,
                                        3000,
                                        0,
                                        RangeKind.BETWEEN,
                                        "I",
                                        true),
                                new UnitOption(
                                        "x10^9/L",
                                        1.00,
                                        3.00,
                                        1.00,
                                        3.00,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false),
                                new UnitOption(
                                        "10^3/uL",
                                        1.00,
                                        3.00,
                                        1.00,
                                        3.00,
                                        2,
                                        RangeKind.BETWEEN,
                                        "C",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "MONO#",
                        Panel.DIFFERENTIAL,
                        List.of("Monocytes", "Absolute Monocyte Count", "Monocytes (Abs)"),
                        List.of(
                                new UnitOption(
                                        "cumm",
                                        200,
                                        1000,
                                        200,
                                        1000,
                                        0,
                                        RangeKind.BETWEEN,
                                        "I",
                                        false),
                                new UnitOption(
                                        "x10^9/L",
                                        0.20,
                                        1.00,
                                        0.20,
                                        1.00,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false),
                                new UnitOption(
                                        "10^3/uL",
                                        0.20,
                                        1.00,
                                        0.20,
                                        1.00,
                                        2,
                                        RangeKind.BETWEEN,
                                        "C",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "EOS#",
                        Panel.DIFFERENTIAL,
                        List.of("Eosinophils", "Absolute Eosinophil Count", "Eosinophils (Abs)"),
                        List.of(
                                new UnitOption(
                                        "cumm", 20, 500, 20, 500, 0, RangeKind.BETWEEN, "I", false),
                                new UnitOption(
                                        "x10^9/L",
                                        0.02,
                                        0.50,
                                        0.02,
                                        0.50,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false),
                                new UnitOption(
                                        "10^3/uL",
                                        0.02,
                                        0.50,
                                        0.02,
                                        0.50,
                                        2,
                                        RangeKind.BETWEEN,
                                        "C",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "GLUF",
                        Panel.GLUCOSE,
                        List.of(
                                "Glucose, Fasting",
                                "Fasting Blood Sugar",
                                "Fasting Plasma Glucose",
                                "FBS"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        70,
                                        100,
                                        70,
                                        100,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "mmol/L",
                                        3.9,
                                        5.6,
                                        3.9,
                                        5.6,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Hexokinase", "GOD-POD")));
        add(
                all,
                new TestDef(
                        "GLUPP",
                        Panel.GLUCOSE,
                        List.of(
                                "Glucose, Post Prandial",
                                "Post Prandial Blood Sugar",
                                "Glucose 2h PP"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        70,
                                        140,
                                        70,
                                        140,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "mmol/L",
                                        3.9,
                                        7.8,
                                        3.9,
                                        7.8,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Hexokinase", "GOD-POD")));
        add(
                all,
                new TestDef(
                        "HBA1C",
                        Panel.GLUCOSE,
                        List.of("HbA1c", "Glycated Hemoglobin", "Glycosylated Haemoglobin (HbA1c)"),
                        List.of(
                                new UnitOption(
                                        "%",
                                        4.0, 5.6, 4.0, 5.6, 1, RangeKind.BETWEEN, "CSI", false),
                                new UnitOption(
                                        "mmol/mol",
                                        20,
                                        38,
                                        20,
                                        38,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("HPLC", "Immunoturbidimetry")));
        add(
                all,
                new TestDef(
                        "EAG",
                        Panel.GLUCOSE,
                        List.of("Estimated Average Glucose", "eAG"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        68,
                                        114,
                                        68,
                                        114,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "mmol/L",
                                        3.8,
                                        6.3,
                                        3.8,
                                        6.3,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "UREA",
                        Panel.KIDNEY,
                        List.of("Urea", "Blood Urea", "Serum Urea"),
                        List.of(
                                new UnitOption(
                                        "mg/dL", 15, 40, 15, 40, 0, RangeKind.BETWEEN, "I", false),
                                new UnitOption(
                                        "mmol/L",
                                        2.5,
                                        6.7,
                                        2.5,
                                        6.7,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Urease", "Urease-GLDH")));
        add(
                all,
                new TestDef(
                        "BUN",
                        Panel.KIDNEY,
                        List.of("BUN", "Blood Urea Nitrogen", "Urea Nitrogen"),
                        List.of(
                                new UnitOption(
                                        "mg/dL", 7, 20, 7, 20, 0, RangeKind.BETWEEN, "CI", false)),
                        List.of(),
                        List.of("Calculated", "Urease")));
        add(
                all,
                new TestDef(
                        "CREA",
                        Panel.KIDNEY,
                        List.of("Creatinine", "Serum Creatinine", "Creatinine, Serum"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        0.70,
                                        1.30,
                                        0.60,
                                        1.10,
                                        2,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "umol/L",
                                        62,
                                        115,
                                        53,
                                        97,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Jaffe", "Enzymatic")));
        add(
                all,
                new TestDef(
                        "URIC",
                        Panel.KIDNEY,
                        List.of("Uric Acid", "Serum Uric Acid", "Urate"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        3.5,
                                        7.2,
                                        2.6,
                                        6.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "umol/L",
                                        208,
                                        428,
                                        155,
                                        357,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Uricase")));
        add(
                all,
                new TestDef(
                        "EGFR",
                        Panel.KIDNEY,
                        List.of("eGFR", "Estimated GFR", "eGFR (CKD-EPI)"),
                        List.of(
                                new UnitOption(
                                        "mL/min/1.73m2",
                                        60,
                                        0,
                                        60,
                                        0,
                                        0,
                                        RangeKind.LOWER,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "NA",
                        Panel.ELECTROLYTES,
                        List.of("Sodium", "Sodium (Na+)", "Na"),
                        List.of(
                                new UnitOption(
                                        "mmol/L",
                                        135,
                                        145,
                                        135,
                                        145,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CS",
                                        false),
                                new UnitOption(
                                        "mEq/L",
                                        135,
                                        145,
                                        135,
                                        145,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false)),
                        List.of(),
                        List.of("ISE Indirect", "ISE")));
        add(
                all,
                new TestDef(
                        "K",
                        Panel.ELECTROLYTES,
                        List.of("Potassium", "Potassium (K+)", "K"),
                        List.of(
                                new UnitOption(
                                        "mmol/L",
                                        3.5,
                                        5.1,
                                        3.5,
                                        5.1,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CS",
                                        false),
                                new UnitOption(
                                        "mEq/L",
                                        3.5,
                                        5.1,
                                        3.5,
                                        5.1,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false)),
                        List.of(),
                        List.of("ISE Indirect", "ISE")));
        add(
                all,
                new TestDef(
                        "CL",
                        Panel.ELECTROLYTES,
                        List.of("Chloride", "Chloride (Cl-)", "Cl"),
                        List.of(
                                new UnitOption(
                                        "mmol/L",
                                        98,
                                        107,
                                        98,
                                        107,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CS",
                                        false),
                                new UnitOption(
                                        "mEq/L",
                                        98,
                                        107,
                                        98,
                                        107,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false)),
                        List.of(),
                        List.of("ISE Indirect", "ISE")));
        add(
                all,
                new TestDef(
                        "HCO3",
                        Panel.ELECTROLYTES,
                        List.of("Bicarbonate", "Total CO2", "HCO3"),
                        List.of(
                                new UnitOption(
                                        "mmol/L",
                                        22,
                                        29,
                                        22,
                                        29,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Enzymatic")));
        add(
                all,
                new TestDef(
                        "CA",
                        Panel.ELECTROLYTES,
                        List.of("Calcium", "Calcium, Total", "Serum Calcium"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        8.6,
                                        10.3,
                                        8.6,
                                        10.3,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "mmol/L",
                                        2.15,
                                        2.55,
                                        2.15,
                                        2.55,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Arsenazo", "o-Cresolphthalein")));
        add(
                all,
                new TestDef(
                        "PHOS",
                        Panel.ELECTROLYTES,
                        List.of("Phosphorus", "Inorganic Phosphate", "Phosphate"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        2.5,
                                        4.5,
                                        2.5,
                                        4.5,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "mmol/L",
                                        0.81,
                                        1.45,
                                        0.81,
                                        1.45,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Phosphomolybdate")));
        add(
                all,
                new TestDef(
                        "MG",
                        Panel.ELECTROLYTES,
                        List.of("Magnesium", "Serum Magnesium"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        1.7,
                                        2.2,
                                        1.7,
                                        2.2,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "mmol/L",
                                        0.70,
                                        0.95,
                                        0.70,
                                        0.95,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Xylidyl blue")));
        add(
                all,
                new TestDef(
                        "TP",
                        Panel.LIVER,
                        List.of("Total Protein", "Protein, Total", "Serum Total Protein"),
                        List.of(
                                new UnitOption(
                                        "g/dL",
                                        6.4,
                                        8.3,
                                        6.4,
                                        8.3,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "g/L", 64, 83, 64, 83, 0, RangeKind.BETWEEN, "S", false)),
                        List.of(),
                        List.of("Biuret")));
        add(
                all,
                new TestDef(
                        "ALB",
                        Panel.LIVER,
                        List.of("Albumin", "Serum Albumin", "Albumin, Serum"),
                        List.of(
                                new UnitOption(
                                        "g/dL",
                                        3.5,
                                        5.2,
                                        3.5,
                                        5.2,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "g/L", 35, 52, 35, 52, 0, RangeKind.BETWEEN, "S", false)),
                        List.of(),
                        List.of("BCG", "Bromocresol green")));
        add(
                all,
                new TestDef(
                        "GLOB",
                        Panel.LIVER,
                        List.of("Globulin", "Serum Globulin"),
                        List.of(
                                new UnitOption(
                                        "g/dL",
                                        2.0,
                                        3.5,
                                        2.0,
                                        3.5,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "g/L", 20, 35, 20, 35, 0, RangeKind.BETWEEN, "S", false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "AGR",
                        Panel.LIVER,
                        List.of("A/G Ratio", "Albumin/Globulin Ratio"),
                        List.of(
                                new UnitOption(
                                        "-",
                                        1.1,
                                        2.2,
                                        1.1,
                                        2.2,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "TBIL",
                        Panel.LIVER,
                        List.of("Bilirubin, Total", "Total Bilirubin", "Serum Bilirubin (Total)"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        0.30,
                                        1.20,
                                        0.30,
                                        1.20,
                                        2,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "umol/L", 5, 21, 5, 21, 0, RangeKind.BETWEEN, "S", false)),
                        List.of(),
                        List.of("Diazo", "DPD")));
        add(
                all,
                new TestDef(
                        "DBIL",
                        Panel.LIVER,
                        List.of("Bilirubin, Direct", "Direct Bilirubin", "Conjugated Bilirubin"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        0.00,
                                        0.30,
                                        0.00,
                                        0.30,
                                        2,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "umol/L", 0, 5, 0, 5, 0, RangeKind.BETWEEN, "S", false)),
                        List.of(),
                        List.of("Diazo")));
        add(
                all,
                new TestDef(
                        "IBIL",
                        Panel.LIVER,
                        List.of("Bilirubin, Indirect", "Indirect Bilirubin"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        0.20,
                                        0.90,
                                        0.20,
                                        0.90,
                                        2,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "ALT",
                        Panel.LIVER,
                        List.of("ALT (SGPT)", "SGPT", "Alanine Aminotransferase", "ALT"),
                        List.of(
                                new UnitOption(
                                        "U/L", 0, 41, 0, 33, 0, RangeKind.UPPER, "CSI", false),
                                new UnitOption(
                                        "IU/L", 0, 41, 0, 33, 0, RangeKind.UPPER, "I", false)),
                        List.of(),
                        List.of("IFCC without P5P", "Kinetic")));
        add(
                all,
                new TestDef(
                        "AST",
                        Panel.LIVER,
                        List.of("AST (SGOT)", "SGOT", "Aspartate Aminotransferase", "AST"),
                        List.of(
                                new UnitOption(
                                        "U/L", 0, 40, 0, 32, 0, RangeKind.UPPER, "CSI", false),
                                new UnitOption(
                                        "IU/L", 0, 40, 0, 32, 0, RangeKind.UPPER, "I", false)),
                        List.of(),
                        List.of("IFCC without P5P", "Kinetic")));
        add(
                all,
                new TestDef(
                        "ALP",
                        Panel.LIVER,
                        List.of("Alkaline Phosphatase", "ALP", "Alk. Phosphatase"),
                        List.of(
                                new UnitOption(
                                        "U/L",
                                        40,
                                        129,
                                        35,
                                        104,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("IFCC", "PNPP")));
        add(
                all,
                new TestDef(
                        "GGT",
                        Panel.LIVER,
                        List.of("Gamma GT", "GGT", "Gamma-Glutamyl Transferase"),
                        List.of(
                                new UnitOption(
                                        "U/L", 10, 71, 6, 42, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("IFCC", "Szasz")));
        add(
                all,
                new TestDef(
                        "CHOL",
                        Panel.LIPID,
                        List.of("Total Cholesterol", "Cholesterol, Total", "Serum Cholesterol"),
                        List.of(
                                new UnitOption(
                                        "mg/dL", 0, 200, 0, 200, 0, RangeKind.UPPER, "CI", false),
                                new UnitOption(
                                        "mmol/L",
                                        0,
                                        5.20,
                                        0,
                                        5.20,
                                        2,
                                        RangeKind.UPPER,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("CHOD-PAP", "Enzymatic")));
        add(
                all,
                new TestDef(
                        "TRIG",
                        Panel.LIPID,
                        List.of("Triglycerides", "Serum Triglycerides", "TG"),
                        List.of(
                                new UnitOption(
                                        "mg/dL", 0, 150, 0, 150, 0, RangeKind.UPPER, "CI", false),
                                new UnitOption(
                                        "mmol/L",
                                        0,
                                        1.70,
                                        0,
                                        1.70,
                                        2,
                                        RangeKind.UPPER,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("GPO-PAP", "Enzymatic")));
        add(
                all,
                new TestDef(
                        "HDL",
                        Panel.LIPID,
                        List.of("HDL Cholesterol", "HDL-C", "Cholesterol, HDL"),
                        List.of(
                                new UnitOption(
                                        "mg/dL", 40, 0, 50, 0, 0, RangeKind.LOWER, "CI", false),
                                new UnitOption(
                                        "mmol/L",
                                        1.00,
                                        0,
                                        1.30,
                                        0,
                                        2,
                                        RangeKind.LOWER,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Direct", "Homogeneous")));
        add(
                all,
                new TestDef(
                        "LDL",
                        Panel.LIPID,
                        List.of("LDL Cholesterol", "LDL-C (calculated)", "Cholesterol, LDL"),
                        List.of(
                                new UnitOption(
                                        "mg/dL", 0, 100, 0, 100, 0, RangeKind.UPPER, "CI", false),
                                new UnitOption(
                                        "mmol/L",
                                        0,
                                        2.60,
                                        0,
                                        2.60,
                                        2,
                                        RangeKind.UPPER,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Calculated", "Direct")));
        add(
                all,
                new TestDef(
                        "VLDL",
                        Panel.LIPID,
                        List.of("VLDL Cholesterol", "VLDL"),
                        List.of(
                                new UnitOption(
                                        "mg/dL", 5, 40, 5, 40, 0, RangeKind.BETWEEN, "CI", false),
                                new UnitOption(
                                        "mmol/L",
                                        0.13,
                                        1.04,
                                        0.13,
                                        1.04,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "NHDL",
                        Panel.LIPID,
                        List.of("Non-HDL Cholesterol", "Non HDL-C"),
                        List.of(
                                new UnitOption(
                                        "mg/dL", 0, 130, 0, 130, 0, RangeKind.UPPER, "CI", false),
                                new UnitOption(
                                        "mmol/L",
                                        0,
                                        3.40,
                                        0,
                                        3.40,
                                        2,
                                        RangeKind.UPPER,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "CHR",
                        Panel.LIPID,
                        List.of("Chol/HDL Ratio", "Total Cholesterol/HDL Ratio"),
                        List.of(
                                new UnitOption(
                                        "-", 0, 5.0, 0, 5.0, 1, RangeKind.UPPER, "CSI", false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "TSH",
                        Panel.THYROID,
                        List.of("TSH", "Thyroid Stimulating Hormone", "TSH, Ultrasensitive"),
                        List.of(
                                new UnitOption(
                                        "uIU/mL",
                                        0.27,
                                        4.20,
                                        0.27,
                                        4.20,
                                        2,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "mIU/L",
                                        0.27,
                                        4.20,
                                        0.27,
                                        4.20,
                                        2,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("ECLIA", "CLIA")));
        add(
                all,
                new TestDef(
                        "FT4",
                        Panel.THYROID,
                        List.of("Free T4", "FT4", "Thyroxine, Free"),
                        List.of(
                                new UnitOption(
                                        "ng/dL",
                                        0.93,
                                        1.70,
                                        0.93,
                                        1.70,
                                        2,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "pmol/L",
                                        12.0,
                                        22.0,
                                        12.0,
                                        22.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("ECLIA", "CLIA")));
        add(
                all,
                new TestDef(
                        "FT3",
                        Panel.THYROID,
                        List.of("Free T3", "FT3", "Triiodothyronine, Free"),
                        List.of(
                                new UnitOption(
                                        "pg/mL",
                                        2.00,
                                        4.40,
                                        2.00,
                                        4.40,
                                        2,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "pmol/L",
                                        3.1,
                                        6.8,
                                        3.1,
                                        6.8,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("ECLIA", "CLIA")));
        add(
                all,
                new TestDef(
                        "T3",
                        Panel.THYROID,
                        List.of("Total T3", "T3, Total", "Triiodothyronine (T3)"),
                        List.of(
                                new UnitOption(
                                        "ng/mL",
                                        0.80,
                                        2.00,
                                        0.80,
                                        2.00,
                                        2,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "nmol/L",
                                        1.3,
                                        3.1,
                                        1.3,
                                        3.1,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("ECLIA", "CLIA")));
        add(
                all,
                new TestDef(
                        "T4",
                        Panel.THYROID,
                        List.of("Total T4", "T4, Total", "Thyroxine (T4)"),
                        List.of(
                                new UnitOption(
                                        "ug/dL",
                                        5.1,
                                        14.1,
                                        5.1,
                                        14.1,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "nmol/L",
                                        66,
                                        181,
                                        66,
                                        181,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("ECLIA", "CLIA")));
        add(
                all,
                new TestDef(
                        "PT",
                        Panel.COAGULATION,
                        List.of("Prothrombin Time", "PT", "Prothrombin Time (PT)"),
                        List.of(
                                new UnitOption(
                                        "sec",
                                        11.0,
                                        13.5,
                                        11.0,
                                        13.5,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "s",
                                        11.0,
                                        13.5,
                                        11.0,
                                        13.5,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Clotting", "Optical clot detection")));
        add(
                all,
                new TestDef(
                        "INR",
                        Panel.COAGULATION,
                        List.of("INR", "PT-INR"),
                        List.of(
                                new UnitOption(
                                        "-",
                                        0.80,
                                        1.20,
                                        0.80,
                                        1.20,
                                        2,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "APTT",
                        Panel.COAGULATION,
                        List.of("aPTT", "Activated Partial Thromboplastin Time", "APTT"),
                        List.of(
                                new UnitOption(
                                        "sec",
                                        25.0,
                                        35.0,
                                        25.0,
                                        35.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "s",
                                        25.0,
                                        35.0,
                                        25.0,
                                        35.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Clotting")));
        add(
                all,
                new TestDef(
                        "FIB",
                        Panel.COAGULATION,
                        List.of("Fibrinogen", "Fibrinogen (Clauss)"),
                        List.of(
                                new UnitOption(
                                        "mg/dL",
                                        200,
                                        400,
                                        200,
                                        400,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "g/L",
                                        2.0,
                                        4.0,
                                        2.0,
                                        4.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Clauss")));
        add(
                all,
                new TestDef(
                        "DDIM",
                        Panel.COAGULATION,
                        List.of("D-Dimer", "D Dimer"),
                        List.of(
                                new UnitOption(
                                        "ug/mL FEU",
                                        0,
                                        0.50,
                                        0,
                                        0.50,
                                        2,
                                        RangeKind.UPPER,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "mg/L FEU",
                                        0,
                                        0.50,
                                        0,
                                        0.50,
                                        2,
                                        RangeKind.UPPER,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Immunoturbidimetry")));
        add(
                all,
                new TestDef(
                        "FE",
                        Panel.IRON,
                        List.of("Iron", "Serum Iron", "Iron, Serum"),
                        List.of(
                                new UnitOption(
                                        "ug/dL",
                                        65,
                                        175,
                                        50,
                                        170,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "umol/L",
                                        11.6,
                                        31.3,
                                        9.0,
                                        30.4,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Ferrozine")));
        add(
                all,
                new TestDef(
                        "FERR",
                        Panel.IRON,
                        List.of("Ferritin", "Serum Ferritin"),
                        List.of(
                                new UnitOption(
                                        "ng/mL",
                                        30,
                                        400,
                                        13,
                                        150,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "ug/L",
                                        30,
                                        400,
                                        13,
                                        150,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("CLIA", "ECLIA")));
        add(
                all,
                new TestDef(
                        "TIBC",
                        Panel.IRON,
                        List.of("TIBC", "Total Iron Binding Capacity"),
                        List.of(
                                new UnitOption(
                                        "ug/dL",
                                        250,
                                        450,
                                        250,
                                        450,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "umol/L",
                                        45,
                                        81,
                                        45,
                                        81,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "TSAT",
                        Panel.IRON,
                        List.of("Transferrin Saturation", "% Saturation"),
                        List.of(
                                new UnitOption(
                                        "%", 20, 50, 20, 50, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Calculated")));
        add(
                all,
                new TestDef(
                        "B12",
                        Panel.VITAMINS,
                        List.of("Vitamin B12", "Cyanocobalamin", "Vit. B12"),
                        List.of(
                                new UnitOption(
                                        "pg/mL",
                                        197,
                                        771,
                                        197,
                                        771,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "pmol/L",
                                        145,
                                        569,
                                        145,
                                        569,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("CLIA", "ECLIA")));
        add(
                all,
                new TestDef(
                        "FOL",
                        Panel.VITAMINS,
                        List.of("Folate", "Folic Acid", "Serum Folate"),
                        List.of(
                                new UnitOption(
                                        "ng/mL",
                                        3.9,
                                        26.8,
                                        3.9,
                                        26.8,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "nmol/L",
                                        8.8,
                                        60.8,
                                        8.8,
                                        60.8,
                                        1,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("CLIA")));
        add(
                all,
                new TestDef(
                        "VITD",
                        Panel.VITAMINS,
                        List.of("Vitamin D, 25-Hydroxy", "25-OH Vitamin D", "Vitamin D Total"),
                        List.of(
                                new UnitOption(
                                        "ng/mL",
                                        30.0,
                                        100.0,
                                        30.0,
                                        100.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CI",
                                        false),
                                new UnitOption(
                                        "nmol/L",
                                        75,
                                        250,
                                        75,
                                        250,
                                        0,
                                        RangeKind.BETWEEN,
                                        "S",
                                        false)),
                        List.of(),
                        List.of("CLIA", "ECLIA")));
        add(
                all,
                new TestDef(
                        "CRP",
                        Panel.CARDIAC,
                        List.of("C-Reactive Protein", "CRP", "CRP, Quantitative"),
                        List.of(
                                new UnitOption(
                                        "mg/L", 0, 5.0, 0, 5.0, 1, RangeKind.UPPER, "CSI", false),
                                new UnitOption(
                                        "mg/dL", 0, 0.50, 0, 0.50, 2, RangeKind.UPPER, "C", false)),
                        List.of(),
                        List.of("Immunoturbidimetry")));
        add(
                all,
                new TestDef(
                        "HSCRP",
                        Panel.CARDIAC,
                        List.of("hs-CRP", "High Sensitivity CRP"),
                        List.of(
                                new UnitOption(
                                        "mg/L", 0, 3.0, 0, 3.0, 2, RangeKind.UPPER, "CSI", false)),
                        List.of(),
                        List.of("Immunoturbidimetry")));
        add(
                all,
                new TestDef(
                        "TROP",
                        Panel.CARDIAC,
                        List.of("Troponin I", "hs-Troponin I", "Troponin I, High Sensitive"),
                        List.of(
                                new UnitOption(
                                        "ng/L", 0, 34, 0, 16, 0, RangeKind.UPPER, "CSI", false)),
                        List.of(),
                        List.of("CLIA")));
        add(
                all,
                new TestDef(
                        "CK",
                        Panel.CARDIAC,
                        List.of("Creatine Kinase", "CK", "CPK"),
                        List.of(
                                new UnitOption(
                                        "U/L",
                                        39,
                                        308,
                                        26,
                                        192,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("IFCC")));
        add(
                all,
                new TestDef(
                        "LDH",
                        Panel.CARDIAC,
                        List.of("LDH", "Lactate Dehydrogenase"),
                        List.of(
                                new UnitOption(
                                        "U/L",
                                        135,
                                        225,
                                        135,
                                        214,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("IFCC", "Lactate to pyruvate")));
        add(
                all,
                new TestDef(
                        "AMY",
                        Panel.PANCREAS,
                        List.of("Amylase", "Serum Amylase", "Alpha Amylase"),
                        List.of(
                                new UnitOption(
                                        "U/L",
                                        28,
                                        100,
                                        28,
                                        100,
                                        0,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("CNPG3", "Enzymatic")));
        add(
                all,
                new TestDef(
                        "LIP",
                        Panel.PANCREAS,
                        List.of("Lipase", "Serum Lipase"),
                        List.of(
                                new UnitOption(
                                        "U/L", 13, 60, 13, 60, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Colorimetric")));
        add(
                all,
                new TestDef(
                        "USG",
                        Panel.URINE,
                        List.of("Specific Gravity", "Sp. Gravity"),
                        List.of(
                                new UnitOption(
                                        "-",
                                        1.005,
                                        1.030,
                                        1.005,
                                        1.030,
                                        3,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Dipstick", "Refractometry")));
        add(
                all,
                new TestDef(
                        "UPH",
                        Panel.URINE,
                        List.of("pH", "Reaction (pH)"),
                        List.of(
                                new UnitOption(
                                        "-",
                                        5.0,
                                        8.0,
                                        5.0,
                                        8.0,
                                        1,
                                        RangeKind.BETWEEN,
                                        "CSI",
                                        false)),
                        List.of(),
                        List.of("Dipstick")));
        add(
                all,
                new TestDef(
                        "UPUS",
                        Panel.URINE,
                        List.of("Pus Cells", "Leukocytes (microscopy)", "WBC /hpf"),
                        List.of(
                                new UnitOption(
                                        "/hpf", 0, 5, 0, 5, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Microscopy")));
        add(
                all,
                new TestDef(
                        "UEPI",
                        Panel.URINE,
                        List.of("Epithelial Cells", "Squamous epithelial cells"),
                        List.of(
                                new UnitOption(
                                        "/hpf", 0, 5, 0, 5, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Microscopy")));
        add(
                all,
                new TestDef(
                        "URBC",
                        Panel.URINE,
                        List.of("Red Blood Cells", "RBC /hpf", "Erythrocytes (microscopy)"),
                        List.of(
                                new UnitOption(
                                        "/hpf", 0, 2, 0, 2, 0, RangeKind.BETWEEN, "CSI", false)),
                        List.of(),
                        List.of("Microscopy")));
        add(
                all,
                new TestDef(
                        "UCOL",
                        Panel.URINE,
                        List.of("Colour", "Color", "Urine Colour"),
                        List.of(),
                        List.of("Pale Yellow", "Yellow", "Straw", "Dark Yellow"),
                        List.of("Visual")));
        add(
                all,
                new TestDef(
                        "UAPP",
                        Panel.URINE,
                        List.of("Appearance", "Transparency", "Clarity"),
                        List.of(),
                        List.of("Clear", "Slightly Turbid", "Turbid"),
                        List.of("Visual")));
        add(
                all,
                new TestDef(
                        "UPRO",
                        Panel.URINE,
                        List.of("Protein", "Urine Protein", "Albumin (urine)"),
                        List.of(),
                        List.of("Negative", "Trace", "1+", "2+"),
                        List.of("Dipstick")));
        add(
                all,
                new TestDef(
                        "UGLU",
                        Panel.URINE,
                        List.of("Glucose", "Urine Sugar", "Glucose (urine)"),
                        List.of(),
                        List.of("Negative", "Trace", "1+"),
                        List.of("Dipstick")));
        add(
                all,
                new TestDef(
                        "UKET",
                        Panel.URINE,
                        List.of("Ketones", "Ketone Bodies", "Acetone"),
                        List.of(),
                        List.of("Negative", "Trace", "Positive"),
                        List.of("Dipstick")));
        add(
                all,
                new TestDef(
                        "UBLD",
                        Panel.URINE,
                        List.of("Blood", "Occult Blood", "Haemoglobin (urine)"),
                        List.of(),
                        List.of("Negative", "Trace", "1+"),
                        List.of("Dipstick")));
        add(
                all,
                new TestDef(
                        "UNIT",
                        Panel.URINE,
                        List.of("Nitrite", "Nitrites"),
                        List.of(),
                        List.of("Negative", "Positive"),
                        List.of("Dipstick")));
        add(
                all,
                new TestDef(
                        "ULEU",
                        Panel.URINE,
                        List.of("Leukocyte Esterase", "Leucocytes (dipstick)"),
                        List.of(),
                        List.of("Negative", "Trace", "1+"),
                        List.of("Dipstick")));
        add(
                all,
                new TestDef(
                        "UBIL",
                        Panel.URINE,
                        List.of("Bilirubin", "Urine Bilirubin", "Bile Pigments"),
                        List.of(),
                        List.of("Negative", "Positive"),
                        List.of("Dipstick")));
        add(
                all,
                new TestDef(
                        "UURO",
                        Panel.URINE,
                        List.of("Urobilinogen", "Urobilinogen (urine)"),
                        List.of(),
                        List.of("Normal", "Increased"),
                        List.of("Dipstick")));
        return List.copyOf(all);
    }
}
