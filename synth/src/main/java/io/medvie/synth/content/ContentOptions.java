package io.medvie.synth.content;

/**
 * What a template asks of the content generator.
 *
 * @param systems unit systems to choose from (letters of {@link TestDef.UnitOption#systems()})
 * @param minPanels fewest panels in the report
 * @param maxPanels most panels in the report
 * @param decimalComma print decimals with a comma (13,2), as many European labs do
 * @param sexRangesBoth chance of printing both sexes' ranges on two lines when they differ
 * @param differentialBoth chance of printing the differential count both in % and absolute
 * @param previousResults whether rows carry a previous result to print beside the current one
 */
public record ContentOptions(
        String systems,
        int minPanels,
        int maxPanels,
        boolean decimalComma,
        double sexRangesBoth,
        double differentialBoth,
        boolean previousResults) {

    public static ContentOptions defaults() {
        return new ContentOptions("CSI", 1, 4, false, 0.3, 0.5, false);
    }

    public ContentOptions withSystems(String s) {
        return new ContentOptions(
                s,
                minPanels,
                maxPanels,
                decimalComma,
                sexRangesBoth,
                differentialBoth,
                previousResults);
    }

    public ContentOptions withPanels(int min, int max) {
        return new ContentOptions(
                systems, min, max, decimalComma, sexRangesBoth, differentialBoth, previousResults);
    }

    public ContentOptions withDecimalComma(boolean comma) {
        return new ContentOptions(
                systems,
                minPanels,
                maxPanels,
                comma,
                sexRangesBoth,
                differentialBoth,
                previousResults);
    }

    public ContentOptions withSexRangesBoth(double p) {
        return new ContentOptions(
                systems, minPanels, maxPanels, decimalComma, p, differentialBoth, previousResults);
    }

    public ContentOptions withDifferentialBoth(double p) {
        return new ContentOptions(
                systems, minPanels, maxPanels, decimalComma, sexRangesBoth, p, previousResults);
    }

    public ContentOptions withPreviousResults(boolean previous) {
        return new ContentOptions(
                systems,
                minPanels,
                maxPanels,
                decimalComma,
                sexRangesBoth,
                differentialBoth,
                previous);
    }
}
