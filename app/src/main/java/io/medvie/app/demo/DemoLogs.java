package io.medvie.app.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The demo's console shows its progress lines, tables and warnings; the services' INFO logs (a few
 * lines per report) and the libraries' warnings go to a file in the data directory instead of
 * scrolling the progress away. Closing puts the console back as it was.
 */
public final class DemoLogs implements AutoCloseable {
    private final List<Runnable> undo = new ArrayList<>();
    private final Path file;

    private DemoLogs(Path file) {
        this.file = file;
    }

    /** The log file, or null when logging is not logback's (nothing was changed then). */
    public Path file() {
        return file;
    }

    /**
     * Sends every log event to {@code file}; the console keeps medvie's warnings and errors and the
     * libraries' errors.
     */
    public static DemoLogs toFile(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new DemoLogs(null);
        }
        DemoLogs logs = new DemoLogs(file);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        Filter<ILoggingEvent> warn = new ConsoleFilter();
        warn.setContext(context);
        warn.start();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof ch.qos.logback.core.ConsoleAppender<?>) {
                appender.addFilter(warn);
                logs.undo.add(() -> remove(appender, warn));
            }
        }

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> out = new FileAppender<>();
        out.setName("demo-file");
        out.setContext(context);
        out.setFile(file.toString());
        out.setAppend(true);
        out.setEncoder(encoder);
        out.start();
        root.addAppender(out);
        logs.undo.add(
                () -> {
                    root.detachAppender(out);
                    out.stop();
                });
        return logs;
    }

    /**
     * On the console: medvie's warnings and errors, and only errors of the libraries (Kafka's,
     * DJL's and Streams' start-up warnings are about their own defaults, not the run).
     */
    static final class ConsoleFilter extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            Level least = event.getLoggerName().startsWith("io.medvie") ? Level.WARN : Level.ERROR;
            return event.getLevel().isGreaterOrEqual(least)
                    ? FilterReply.NEUTRAL
                    : FilterReply.DENY;
        }
    }

    private static void remove(Appender<ILoggingEvent> appender, Filter<ILoggingEvent> filter) {
        List<Filter<ILoggingEvent>> keep = new ArrayList<>(appender.getCopyOfAttachedFiltersList());
        keep.remove(filter);
        appender.clearAllFilters();
        keep.forEach(appender::addFilter);
    }

    @Override
    public void close() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }
}
