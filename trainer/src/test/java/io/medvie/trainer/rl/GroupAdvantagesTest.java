package io.medvie.trainer.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GroupAdvantagesTest {

    @Test
    void advantagesAreRewardsMinusTheGroupMeanOverTheSampleStd() {
        // mean 1.0; squared deviations 1, 0, 1, 0 -> sample variance 2 / 3, std 0.8164966
        double[] a = GroupAdvantages.of(new double[] {0.0, 1.0, 2.0, 1.0});
        double s = 0.8164966 + GroupAdvantages.EPSILON;
        assertArrayEquals(new double[] {-1 / s, 0, 1 / s, 0}, a, 1e-6);
        assertEquals(0.8164966, GroupAdvantages.std(new double[] {0.0, 1.0, 2.0, 1.0}), 1e-6);
    }

    @Test
    void aGroupOfEqualRewardsHasNoAdvantage() {
        assertArrayEquals(new double[] {0, 0, 0}, GroupAdvantages.of(new double[] {1.5, 1.5, 1.5}));
    }

    @Test
    void advantagesDoNotDependOnTheRewardsOffset() {
        double[] a = GroupAdvantages.of(new double[] {0.2, 0.9, 0.4});
        double[] b = GroupAdvantages.of(new double[] {1.2, 1.9, 1.4});
        assertArrayEquals(a, b, 1e-9);
        assertEquals(0, a[0] + a[1] + a[2], 1e-9);
    }

    @Test
    void oneSampleIsNotAGroup() {
        assertThrows(IllegalArgumentException.class, () -> GroupAdvantages.of(new double[] {1}));
    }
}
