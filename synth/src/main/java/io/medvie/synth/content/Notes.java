package io.medvie.synth.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Interpretation paragraphs of the kind labs print under results. They hold numbers, units and test
 * names that are not results, which is exactly what a tagger must learn to leave alone.
 */
final class Notes {

    private Notes() {}

    static List<String> forSections(Rng rng, List<Section> sections) {
        List<String> out = new ArrayList<>();
        for (Section s : sections) {
            String note =
                    switch (s.panel()) {
                        case GLUCOSE ->
                                "Interpretation (ADA): HbA1c below 5.7 % is non-diabetic, 5.7 to 6.4 % indicates prediabetes and 6.5 % or more on two occasions indicates diabetes. Fasting glucose 100 to 125 mg/dL is impaired fasting glucose.";
                        case LIPID ->
                                "Total cholesterol: desirable below 200 mg/dL, borderline high 200 to 239 mg/dL, high 240 mg/dL and above. LDL goal below 70 mg/dL for patients at very high risk. A fasting sample of 10 to 12 hours is recommended.";
                        case KIDNEY ->
                                "eGFR is calculated with the CKD-EPI 2021 equation. Stage G3a 45 to 59, G3b 30 to 44, G4 15 to 29 and G5 below 15 mL/min/1.73m2. Values above 60 do not exclude kidney disease.";
                        case THYROID ->
                                "TSH reference in pregnancy: first trimester 0.1 to 2.5, second trimester 0.2 to 3.0, third trimester 0.3 to 3.0 uIU/mL. TSH has a diurnal rhythm with a peak between 2 and 4 am.";
                        case LIVER ->
                                "ALT and AST more than 3 times the upper limit with bilirubin above 2 mg/dL need clinical review. Haemolysed samples may raise AST and LDH.";
                        case COAGULATION ->
                                "Therapeutic INR for most indications 2.0 to 3.0; 2.5 to 3.5 for mechanical heart valves. D-dimer below 0.50 ug/mL FEU has a high negative predictive value.";
                        case IRON ->
                                "Ferritin below 15 ng/mL is diagnostic of iron deficiency. Ferritin is an acute phase reactant and may be normal or high in inflammation.";
                        case VITAMINS ->
                                "Vitamin D status: deficiency below 20 ng/mL, insufficiency 21 to 29 ng/mL, sufficiency 30 to 100 ng/mL, possible toxicity above 150 ng/mL.";
                        case CBC ->
                                "Peripheral smear: RBCs are predominantly normocytic normochromic. WBCs within normal limits. Platelets adequate on smear. Counts verified on 2 analysers.";
                        case CARDIAC ->
                                "hs-CRP below 1.0 mg/L low cardiovascular risk, 1.0 to 3.0 mg/L average risk, above 3.0 mg/L high risk. Repeat troponin after 3 hours if clinically indicated.";
                        default -> null;
                    };
            if (note != null && rng.chance(0.6)) {
                out.add(note);
            }
        }
        if (rng.chance(0.7)) {
            out.add(
                    rng.pick(
                            "Results relate only to the sample as received. Kindly correlate clinically.",
                            "Test results are to be interpreted by a registered medical practitioner only. Sample stability 24 hours at 2 to 8 C.",
                            "This report is electronically verified and does not need a signature. Please call 1800 "
                                    + rng.digits(3)
                                    + " "
                                    + rng.digits(3)
                                    + " for queries."));
        }
        return List.copyOf(out);
    }
}
