package io.medvie.bench.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service (extractor, trainer or review) as a child JVM on the bench's class path, supervised:
 * {@link #kill()} is SIGKILL ({@code destroyForcibly} on Linux: no shutdown hook runs), {@link
 * #start()} begins a new life with the same settings, and an exit the bench did not cause is
 * recorded (and, like a supervisor would, restarted by {@link #superviseOnce()}). Each life logs to
 * its own file. Memory: peak resident set size over all lives (sampled from /proc) and heap in use
 * (sampled with {@code jcmd GC.heap_info}).
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    /** An exit the bench did not cause. */
    public record UnbiddenExit(String service, int life, int exitCode, long atMillis, String log) {}

    private final String name;
    private final String mainClass;
    private final String heap;
    private final Path settingsFile;
    private final Path logDir;
    private final long t0;
    private Process process;
    private int lives;
    private int kills;
    private boolean killedByUs;
    private long peakRss = -1;
    private long peakHeapUsed = -1;
    private long lastHeapUsed = -1;
    private long lastRss = -1;
    private final List<UnbiddenExit> unbidden = new ArrayList<>();

    public ServiceProcess(
            String name,
            String mainClass,
            String heap,
            Map<String, String> settings,
            Path dir,
            long t0)
            throws IOException {
        this.name = name;
        this.mainClass = mainClass;
        this.heap = heap;
        this.logDir = dir.resolve("logs");
        this.t0 = t0;
        Files.createDirectories(logDir);
        this.settingsFile = dir.resolve(name + ".properties");
        Properties p = new Properties();
        p.putAll(settings);
        try (OutputStream out = Files.newOutputStream(settingsFile)) {
            p.store(out, "settings of the chaos run's " + name);
        }
    }

    public String name() {
        return name;
    }

    public synchronized void start() throws IOException {
        lives++;
        killedByUs = false;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(
                        java,
                        "-Xmx" + heap,
                        "-Dai.djl.offline=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        mainClass,
                        settingsFile.toString());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.redirectErrorStream(true).redirectOutput(logFile(lives).toFile());
        process = pb.start();
    }

    private Path logFile(int life) {
        return logDir.resolve(name + "-" + life + ".log");
    }

    /** SIGKILL, then wait for the process to be gone. */
    public synchronized void kill() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        sample(false);
        killedByUs = true;
        kills++;
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Records and restarts a process that exited without being killed by the bench.
     *
     * @return the exit, or null when the process is alive or was stopped by the bench
     */
    public synchronized UnbiddenExit superviseOnce() throws IOException {
        if (process == null || process.isAlive() || killedByUs) {
            return null;
        }
        UnbiddenExit exit =
                new UnbiddenExit(
                        name,
                        lives,
                        process.exitValue(),
                        System.currentTimeMillis() - t0,
                        tail(logFile(lives), 25));
        unbidden.add(exit);
        start();
        return exit;
    }

    /** Samples RSS (always) and heap in use (when {@code heapToo}, which spawns jcmd). */
    public synchronized void sample(boolean heapToo) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        long rss = statusKb(p.pid(), "VmHWM:");
        if (rss > 0) {
            peakRss = Math.max(peakRss, rss * 1024);
        }
        long now = statusKb(p.pid(), "VmRSS:");
        if (now > 0) {
            lastRss = now * 1024;
        }
        if (heapToo) {
            long used = heapUsed(p.pid());
            if (used > 0) {
                lastHeapUsed = used;
                peakHeapUsed = Math.max(peakHeapUsed, used);
            }
        }
    }

    private static long statusKb(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or no /proc: no figure
        }
        return -1;
    }

    private static long heapUsed(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        try {
            Process p =
                    new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(20, TimeUnit.SECONDS);
            Matcher m = HEAP_USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log " + file + ")";
        }
    }

    public synchronized int lives() {
        return lives;
    }

    public synchronized int kills() {
        return kills;
    }

    public synchronized List<UnbiddenExit> unbiddenExits() {
        return List.copyOf(unbidden);
    }

    public synchronized long peakRss() {
        return peakRss;
    }

    public synchronized long lastRss() {
        return lastRss;
    }

    public synchronized long peakHeapUsed() {
        return peakHeapUsed;
    }

    public synchronized long lastHeapUsed() {
        return lastHeapUsed;
    }

    public String heap() {
        return heap;
    }

    public Path logDir() {
        return logDir;
    }

    /** SIGTERM and wait (the end of the run: a clean stop, not a kill). */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            killedByUs = true;
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
