package io.medvie.app.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Everything this JVM logs (medvie's loggers at DEBUG, others as configured) and prints on stdout
 * and stderr while open, as text, so a test can search it for values that must never be logged.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final StringBuffer text = new StringBuffer();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Logger root;
    private final Logger medvie;
    private final Level medvieLevel;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private long events;

    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(context);
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        medvie = context.getLogger("io.medvie");
        medvieLevel = medvie.getLevel();
    }

    static LogCapture open() {
        LogCapture capture = new LogCapture();
        capture.start();
        capture.root.addAppender(capture);
        capture.medvie.setLevel(Level.DEBUG);
        System.setOut(new PrintStream(new Tee(capture.out, capture.console), true));
        System.setErr(new PrintStream(new Tee(capture.err, capture.console), true));
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        events++;
        text.append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(" - ")
                .append(event.getFormattedMessage())
                .append('\n');
        if (event.getThrowableProxy() != null) {
            text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
        }
    }

    /** Log events seen so far. */
    long events() {
        return events;
    }

    /** All log lines and console output so far. */
    String text() {
        synchronized (console) {
            return text + "\n" + console.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        root.detachAppender(this);
        medvie.setLevel(medvieLevel);
        stop();
    }

    /** Writes to the real stream and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream real;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream real, ByteArrayOutputStream copy) {
            this.real = real;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                real.write(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                real.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
