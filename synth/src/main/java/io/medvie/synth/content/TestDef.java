package io.medvie.synth.content;

import java.util.List;

/**
 * One lab test: the names labs print for it, its units with their reference ranges, and for
 * qualitative tests (urine dipstick) the words it is reported with.
 *
 * @param key stable identifier, never printed
 * @param names printed names, the usual one first
 * @param units numeric units with ranges; empty for a qualitative test
 * @param qualitative printed results of a qualitative test, the normal one first; empty otherwise
 * @param methods method lines some templates print under or beside the name
 */
public record TestDef(
        String key,
        Panel panel,
        List<String> names,
        List<UnitOption> units,
        List<String> qualitative,
        List<String> methods) {

    public boolean isQualitative() {
        return !qualitative.isEmpty();
    }

    /** Whether the range bounds are open: "&lt; 200", "&gt; 40", "Up to 40". */
    public enum RangeKind {
        BETWEEN,
        UPPER,
        LOWER
    }

    /**
     * A unit and the reference range in it, by sex (equal bounds when the range does not differ).
     *
     * @param systems letters of the unit systems this unit belongs to: C conventional (US), S SI, I
     *     the counts-per-cumm style common in South Asia
     * @param decimals decimals the value and range are printed with
     * @param thousands whether values of 1000 and more are printed with a thousands separator
     */
    public record UnitOption(
            String unit,
            double lowM,
            double highM,
            double lowF,
            double highF,
            int decimals,
            RangeKind kind,
            String systems,
            boolean thousands) {

        public boolean bySex() {
            return lowM != lowF || highM != highF;
        }

        public double low(Sex sex) {
            return sex == Sex.F ? lowF : lowM;
        }

        public double high(Sex sex) {
            return sex == Sex.F ? highF : highM;
        }
    }
}
