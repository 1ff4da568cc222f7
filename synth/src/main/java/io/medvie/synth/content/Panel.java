package io.medvie.synth.content;

import java.util.List;

/** Groups of tests as labs print them, with the headings they print above them. */
public enum Panel {
    CBC(
            "HAEMATOLOGY",
            List.of(
                    "COMPLETE BLOOD COUNT",
                    "Complete Blood Count (CBC)",
                    "FULL BLOOD COUNT",
                    "Hemogram")),
    DIFFERENTIAL(
            "HAEMATOLOGY",
            List.of("Differential leucocyte count", "DIFFERENTIAL COUNT", "WBC Differential")),
    GLUCOSE("BIOCHEMISTRY", List.of("DIABETES PANEL", "Blood Sugar", "GLUCOSE METABOLISM")),
    KIDNEY(
            "BIOCHEMISTRY",
            List.of("KIDNEY FUNCTION TEST", "Renal Profile", "RENAL FUNCTION PANEL")),
    ELECTROLYTES(
            "BIOCHEMISTRY",
            List.of("SERUM ELECTROLYTES", "Electrolytes", "Minerals & Electrolytes")),
    LIVER("BIOCHEMISTRY", List.of("LIVER FUNCTION TEST", "Hepatic Function Panel", "LFT")),
    LIPID("BIOCHEMISTRY", List.of("LIPID PROFILE", "Lipid Panel", "Cardiovascular risk")),
    THYROID("IMMUNOASSAY", List.of("THYROID PROFILE", "Thyroid Function Tests", "THYROID PANEL")),
    COAGULATION("COAGULATION", List.of("COAGULATION PROFILE", "Haemostasis", "Coagulation screen")),
    IRON("BIOCHEMISTRY", List.of("IRON STUDIES", "Anaemia profile", "Iron Panel")),
    VITAMINS("IMMUNOASSAY", List.of("VITAMINS", "Vitamin levels")),
    CARDIAC(
            "BIOCHEMISTRY",
            List.of("CARDIAC MARKERS", "Cardiac enzymes", "INFLAMMATION & CARDIAC")),
    PANCREAS("BIOCHEMISTRY", List.of("PANCREATIC ENZYMES", "Pancreas")),
    URINE(
            "CLINICAL PATHOLOGY",
            List.of("URINE ROUTINE EXAMINATION", "Urinalysis", "URINE ANALYSIS"));

    private final String department;
    private final List<String> headings;

    Panel(String department, List<String> headings) {
        this.department = department;
        this.headings = headings;
    }

    /** The department heading (HAEMATOLOGY...), printed above panels by some templates. */
    public String department() {
        return department;
    }

    public List<String> headings() {
        return headings;
    }
}
