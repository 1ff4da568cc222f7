package io.medvie.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DemoLogsTest {
    @TempDir Path dir;

    @Test
    void infoGoesToTheFileAndOnlyWarningsToTheConsoleUntilClosed() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger medvie = context.getLogger("io.medvie.demo-logs-test");
        List<Appender<ILoggingEvent>> consoles = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> a = it.next();
            if (a instanceof ConsoleAppender<?>) {
                consoles.add(a);
            }
        }
        assertThat(consoles).as("the configured console appender").isNotEmpty();
        LoggingEvent info = event(medvie, Level.INFO);
        LoggingEvent warn = event(medvie, Level.WARN);
        LoggingEvent kafkaWarn = event(context.getLogger("org.apache.kafka.x"), Level.WARN);
        LoggingEvent kafkaError = event(context.getLogger("org.apache.kafka.x"), Level.ERROR);
        Path file = dir.resolve("demo.log");

        try (DemoLogs logs = DemoLogs.toFile(file)) {
            medvie.info("report pooled");
            medvie.warn("broker slow");

            for (Appender<ILoggingEvent> console : consoles) {
                assertThat(console.getFilterChainDecision(info)).isEqualTo(FilterReply.DENY);
                assertThat(console.getFilterChainDecision(warn)).isNotEqualTo(FilterReply.DENY);
                assertThat(console.getFilterChainDecision(kafkaWarn)).isEqualTo(FilterReply.DENY);
                assertThat(console.getFilterChainDecision(kafkaError))
                        .isNotEqualTo(FilterReply.DENY);
            }
            assertThat(Files.readString(file)).contains("report pooled").contains("broker slow");
        }

        medvie.info("after close");
        for (Appender<ILoggingEvent> console : consoles) {
            assertThat(console.getFilterChainDecision(info)).isNotEqualTo(FilterReply.DENY);
        }
        assertThat(Files.readString(file)).doesNotContain("after close");
    }

    private static LoggingEvent event(Logger logger, Level level) {
        LoggingEvent e = new LoggingEvent();
        e.setLoggerName(logger.getName());
        e.setLevel(level);
        e.setMessage("probe");
        return e;
    }
}
