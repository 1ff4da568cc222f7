package io.medvie.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.medvie.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An existing topic made before its spec said "keep forever" is brought in line at setup. */
class TopicSetupIT {
    @TempDir Path dir;

    @Test
    void anExistingTopicGetsTheConfigsItsSpecDeclares() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir);
                Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            // As an older release made it: the broker's default retention of 7 days.
            admin.createTopics(List.of(new NewTopic(Topics.VERIFIED_SAMPLES, 3, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(retention(admin)).isEqualTo("604800000");

            List<String> created =
                    TopicSetup.ensure(
                            Map.of("bootstrap.servers", kafka.bootstrapServers()),
                            Topics.ALL,
                            (short) 1);

            assertThat(created).doesNotContain(Topics.VERIFIED_SAMPLES).contains(Topics.AUDIT);
            assertThat(retention(admin)).isEqualTo("-1");
            // Idempotent: nothing left to change the second time.
            assertThat(
                            TopicSetup.ensure(
                                    Map.of("bootstrap.servers", kafka.bootstrapServers()),
                                    Topics.ALL,
                                    (short) 1))
                    .isEmpty();
            assertThat(retention(admin)).isEqualTo("-1");
        }
    }

    private static String retention(Admin admin) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, Topics.VERIFIED_SAMPLES);
        return admin.describeConfigs(List.of(r))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(r)
                .get("retention.ms")
                .value();
    }
}
