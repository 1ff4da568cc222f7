package io.medvie.synth.content;

import java.util.List;

/**
 * One printed result, everything as it will appear on the page.
 *
 * @param name printed test name
 * @param value printed value ("5,100", "13,2", "Negative")
 * @param unit printed unit, or null for dimensionless results
 * @param rangeLines the reference range as printed, one entry per printed line (several when the
 *     range is given by sex); empty when no range is printed
 * @param flag normalised flag derived from value and range, null for qualitative results
 * @param method a method line templates may print, never part of the document
 * @param previous an older result some templates print beside the current one, never a result
 * @param subheading a sub-heading printed before this row ("Differential leucocyte count"), or null
 */
public record ResultRow(
        TestDef def,
        String name,
        String value,
        String unit,
        List<String> rangeLines,
        Flag flag,
        String method,
        String previous,
        String subheading) {

    /** The range as it goes into the document: printed lines joined by one space. */
    public String range() {
        return rangeLines.isEmpty() ? null : String.join(" ", rangeLines);
    }

    public boolean abnormal() {
        return flag == Flag.H || flag == Flag.L;
    }
}
