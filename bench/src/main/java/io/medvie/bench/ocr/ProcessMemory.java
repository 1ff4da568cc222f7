package io.medvie.bench.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Memory figures of this process: JVM heap from the MX beans, resident set size from /proc. */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** Heap in use now, in bytes. */
    public static long heapUsed() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The JVM's maximum heap (-Xmx), in bytes. */
    public static long heapMax() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Sum of the heap pools' peak usage since the JVM started (or the last reset), in bytes: an
     * upper bound of the heap high-water mark, since pools peak at different times.
     */
    public static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Resident set size now (VmRSS), in bytes, or -1 where /proc is missing. */
    public static long rss() {
        return statusKilobytes("VmRSS:") * 1024;
    }

    /** Peak resident set size (VmHWM), in bytes, or -1 where /proc is missing. */
    public static long peakRss() {
        return statusKilobytes("VmHWM:") * 1024;
    }

    private static long statusKilobytes(String key) {
        if (!Files.isReadable(STATUS)) {
            return -1;
        }
        try {
            return parseKilobytes(Files.readAllLines(STATUS), key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS, e);
        }
    }

    /** The value of a {@code Key: 1234 kB} line, in kB; -1 when the key is absent. */
    static long parseKilobytes(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).strip().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return -1;
    }
}
