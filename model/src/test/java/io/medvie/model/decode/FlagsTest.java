package io.medvie.model.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlagsTest {

    @Test
    void printedFlags() {
        assertThat(Flags.printed("H")).contains("H");
        assertThat(Flags.printed("High")).contains("H");
        assertThat(Flags.printed("\u2191")).contains("H");
        assertThat(Flags.printed("LOW")).contains("L");
        assertThat(Flags.printed("*")).isEmpty();
        assertThat(Flags.printed("")).isEmpty();
    }

    @Test
    void numbersAsPrinted() {
        assertThat(Flags.number("5,100")).isEqualByComparingTo("5100");
        assertThat(Flags.number("13,2")).isEqualByComparingTo("13.2");
        assertThat(Flags.number("<0.5")).isEqualByComparingTo("0.5");
        assertThat(Flags.number("Negative")).isNull();
    }

    @Test
    void derivedFromRangesOfManyShapes() {
        assertThat(Flags.derive("13.2", "12.0-16.0", null)).contains("N");
        assertThat(Flags.derive("16.0", "12.0-16.0", null)).contains("N");
        assertThat(Flags.derive("16.1", "12.0 - 16.0", null)).contains("H");
        assertThat(Flags.derive("11", "12 to 16", null)).contains("L");
        assertThat(Flags.derive("45", "Up to 40", null)).contains("H");
        assertThat(Flags.derive("0.4", "< 2", null)).contains("N");
        assertThat(Flags.derive("0.9", "Above 1.30", null)).contains("L");
        assertThat(Flags.derive("1.9", ">1.30", null)).contains("N");
        assertThat(Flags.derive("5,100", "4,000-11,000", null)).contains("N");
        assertThat(Flags.derive("13,2", "12,0-16,0", null)).contains("N");
        assertThat(Flags.derive("Negative", "Negative", null)).isEmpty();
    }

    @Test
    void sexSpecificRanges() {
        String range = "M: 13.0-17.0 F: 12.0-15.5";
        assertThat(Flags.derive("12.5", range, "M")).contains("L");
        assertThat(Flags.derive("12.5", range, "F")).contains("N");
        assertThat(Flags.derive("12.5", range, null)).isEmpty();
        assertThat(Flags.derive("16", "Male 13-17 Female 12-15", "F")).contains("H");
        assertThat(Flags.derive("16", "M 13-17 F 12-15", "M")).contains("N");
    }
}
