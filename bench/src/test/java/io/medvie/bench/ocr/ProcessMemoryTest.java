package io.medvie.bench.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void parsesProcStatusLines() {
        List<String> lines = List.of("Name:\tjava", "VmHWM:\t  512000 kB", "VmRSS:\t  409600 kB");
        assertThat(ProcessMemory.parseKilobytes(lines, "VmRSS:")).isEqualTo(409_600);
        assertThat(ProcessMemory.parseKilobytes(lines, "VmHWM:")).isEqualTo(512_000);
        assertThat(ProcessMemory.parseKilobytes(lines, "VmSwap:")).isEqualTo(-1);
    }

    @Test
    void readsThisProcess() {
        // Linux only, as the bench machines are.
        long rss = ProcessMemory.rss();
        assertThat(rss).isGreaterThan(10L << 20);
        // Read after, the peak has grown since, but the kernel folds per-thread RSS counters into
        // VmHWM lazily (in batches of pages), so it may trail VmRSS by a little.
        assertThat(ProcessMemory.peakRss()).isGreaterThanOrEqualTo(rss - (4L << 20));
        assertThat(ProcessMemory.heapPeak()).isGreaterThan(0);
    }
}
