package io.medvie.app.cli;

import io.medvie.schemas.DlqHeaders;
import io.medvie.schemas.Topics;
import io.medvie.schemas.dlq.DeadLetterTopic;
import io.medvie.schemas.dlq.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvie dlq list|replay}: inspect dead letters and send them back. */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = "Inspects a dead-letter topic and re-sends its records.",
        subcommands = {DlqCommand.ListDlq.class, DlqCommand.Replay.class})
public final class DlqCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options shared by both subcommands. */
    static final class Target {
        @Mixin DataDir data;

        @Option(
                names = "--stage",
                defaultValue = Topics.Stage.EXTRACTOR,
                description = "ingest, extractor, trainer or review (default: ${DEFAULT-VALUE}).")
        String stage;

        @Option(
                names = "--bootstrap",
                description = "Kafka bootstrap servers (default: the running platform's).")
        String bootstrap;

        String topic() {
            return Topics.DLQ_PREFIX + stage;
        }

        String bootstrapServers() throws Exception {
            return bootstrap != null
                    ? bootstrap
                    : RunningPlatform.read(data.path()).getProperty("kafka.bootstrap.servers");
        }

        DeadLetterTopic dlq() throws Exception {
            return new DeadLetterTopic(
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), stage);
        }

        List<ConsumerRecord<byte[], byte[]>> readAll() throws Exception {
            return dlq().readAll();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists dead letters.")
    static final class ListDlq implements Callable<Integer> {
        @Mixin Target target;

        @Override
        public Integer call() throws Exception {
            List<ConsumerRecord<byte[], byte[]>> records = target.readAll();
            System.out.printf(
                    "%-8s %-36s %-28s %-34s %s%n", "offset", "key", "from", "error", "message");
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String from =
                        DeadLetters.header(r.headers(), DlqHeaders.ORIGINAL_TOPIC)
                                + "-"
                                + DeadLetters.header(r.headers(), DlqHeaders.ORIGINAL_PARTITION)
                                + "@"
                                + DeadLetters.header(r.headers(), DlqHeaders.ORIGINAL_OFFSET);
                String error = DeadLetters.header(r.headers(), DlqHeaders.ERROR_CLASS);
                System.out.printf(
                        "%-8d %-36s %-28s %-34s %s%n",
                        r.offset(),
                        r.key() == null ? "-" : new String(r.key(), StandardCharsets.UTF_8),
                        from,
                        error == null ? "-" : error.substring(error.lastIndexOf('.') + 1),
                        DeadLetters.header(r.headers(), DlqHeaders.ERROR_MESSAGE));
            }
            System.out.println(records.size() + " dead letters on " + target.topic());
            return 0;
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = {
                "Re-sends dead letters, original key and bytes, to the topic they came from.",
                "Use it after fixing what made them fail (a new model, a repaired store)."
            })
    static final class Replay implements Callable<Integer> {
        @Mixin Target target;

        @Option(
                names = "--offset",
                split = ",",
                description = "Dead-letter offsets to replay (default: all).")
        Set<Long> offsets;

        @Override
        public Integer call() throws Exception {
            DeadLetterTopic dlq = target.dlq();
            List<ConsumerRecord<byte[], byte[]>> records = dlq.readAll();
            int sent = dlq.replay(records, offsets);
            System.out.println("replayed " + sent + " of " + records.size() + " dead letters");
            return 0;
        }
    }
}
