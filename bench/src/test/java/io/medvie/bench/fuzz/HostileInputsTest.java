package io.medvie.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostileInputsTest {
    private static final byte[] PDF =
            ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type"
                            + " /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page"
                            + " /MediaBox [0 0 595 842] /Length 10 >>\nendobj\nxref\n0 4\ntrailer\n"
                            + "<< /Root 1 0 R >>\nstartxref\n120\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII);
    private static final HostileInputs.Seeds SEEDS =
            new HostileInputs.Seeds(
                    PDF, filler(3000, 1), filler(3000, 2), filler(3000, 3), List.of(PDF));

    private static byte[] filler(int n, int salt) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + salt);
        }
        return b;
    }

    @Test
    void theSameSeedGivesTheSameCasesInAnyOrder() {
        HostileInputs a = new HostileInputs(5, 1 << 20, SEEDS, HostileInputs.Mix.FULL);
        HostileInputs b = new HostileInputs(5, 1 << 20, SEEDS, HostileInputs.Mix.FULL);
        for (int i = 299; i >= 0; i--) {
            assertThat(b.get(i).body()).as("case " + i).isEqualTo(a.get(i).body());
            assertThat(b.get(i).label()).isEqualTo(a.get(i).label());
        }
        HostileInputs other = new HostileInputs(6, 1 << 20, SEEDS, HostileInputs.Mix.FULL);
        long same =
                a.cases(300).stream()
                        .filter(c -> c.label().equals(other.get(c.index()).label()))
                        .count();
        assertThat(same).as("another seed gives other cases").isLessThan(150);
    }

    @Test
    void theFullMixHasEveryFamilyAndTheEdgeMixMostlyCheapOnes() {
        Set<HostileInputs.Kind> seen = EnumSet.noneOf(HostileInputs.Kind.class);
        HostileInputs full = new HostileInputs(1, 1 << 20, SEEDS, HostileInputs.Mix.FULL);
        full.cases(1500).forEach(c -> seen.add(c.kind()));
        assertThat(seen).containsExactlyInAnyOrder(HostileInputs.Kind.values());

        HostileInputs edge = new HostileInputs(1, 1 << 20, SEEDS, HostileInputs.Mix.EDGE);
        long heavy =
                edge.cases(1000).stream()
                        .filter(
                                c ->
                                        c.kind() == HostileInputs.Kind.CRAFTED_PDF
                                                || c.kind() == HostileInputs.Kind.MALFORMED_PDF
                                                || c.kind() == HostileInputs.Kind.IMAGE_BOMB)
                        .count();
        assertThat(heavy).isBetween(20L, 120L);
    }

    @Test
    void aPngBombDeclaresItsSizeInASmallFile() {
        byte[] png = HostileInputs.pngBomb(100_000, 100_000, new java.util.SplittableRandom(1));
        ByteBuffer ihdr = ByteBuffer.wrap(png, 16, 8);
        assertThat(ihdr.getInt()).isEqualTo(100_000);
        assertThat(ihdr.getInt()).isEqualTo(100_000);
        assertThat(png.length).isLessThan(200);
        // Ends with an IEND chunk, so ingest's truncation check lets it through.
        assertThat(new String(png, png.length - 8, 4, StandardCharsets.US_ASCII)).isEqualTo("IEND");
    }

    @Test
    void oversizeCasesAreOverTheLimitAndMultipartCasesCarryACanary() {
        HostileInputs inputs = new HostileInputs(2, 10_000, SEEDS, HostileInputs.Mix.FULL);
        List<HostileInputs.Case> cases = inputs.cases(2000);
        assertThat(cases)
                .filteredOn(c -> c.kind() == HostileInputs.Kind.OVERSIZE)
                .isNotEmpty()
                .allMatch(c -> c.body().length > 10_000);
        assertThat(cases)
                .filteredOn(c -> c.kind() == HostileInputs.Kind.MULTIPART)
                .isNotEmpty()
                .allMatch(c -> c.canary() != null);
    }
}
