package io.medvie.schemas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that are missing, and sets on existing ones the configs their spec declares
 * (for example {@code retention.ms=-1} on a topic that must be kept forever) where they differ.
 * Partition counts of existing topics are left as they are.
 */
public final class TopicSetup {
    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {}

    /**
     * Waits until freshly created topics are described by the broker: creation returns before the
     * partitions are hosted, and a client that asks at once would see no partitions.
     */
    private static void awaitVisible(Admin admin, List<String> topics)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                Map<String, TopicDescription> described =
                        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                boolean ready =
                        described.values().stream()
                                .allMatch(
                                        d ->
                                                d.partitions().stream()
                                                        .allMatch(p -> p.leader() != null));
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException(
                            "Cannot describe topics " + topics, e.getCause());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Topics " + topics + " not visible after 30 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Ensures every topic exists.
     *
     * @param adminProps bootstrap servers and any TLS/SASL settings
     * @param replicationFactor 1 on the embedded broker, 3 on a production cluster
     * @return the names of the topics created now
     */
    public static List<String> ensure(
            Map<String, Object> adminProps, List<Topics.TopicSpec> specs, short replicationFactor)
            throws InterruptedException {
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.TopicSpec spec : specs) {
                if (!existing.contains(spec.name())) {
                    missing.add(
                            new NewTopic(spec.name(), spec.partitions(), replicationFactor)
                                    .configs(spec.configs()));
                }
            }
            List<String> created = new ArrayList<>();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    // Another process may have created it between list and create.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "Cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
            if (!created.isEmpty()) {
                awaitVisible(admin, created);
                log.info("Created topics {}", created);
            }
            alignConfigs(admin, specs, existing);
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot list topics", e);
        }
    }

    /** Sets the spec's configs on existing topics whose current values differ; says which. */
    private static void alignConfigs(
            Admin admin, List<Topics.TopicSpec> specs, Set<String> existing)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<ConfigResource> resources = new ArrayList<>();
        for (Topics.TopicSpec spec : specs) {
            if (existing.contains(spec.name()) && !spec.configs().isEmpty()) {
                resources.add(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            }
        }
        if (resources.isEmpty()) {
            return;
        }
        Map<ConfigResource, Config> current =
                admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (Topics.TopicSpec spec : specs) {
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
            Config config = current.get(r);
            if (config == null) {
                continue;
            }
            spec.configs()
                    .forEach(
                            (key, value) -> {
                                ConfigEntry entry = config.get(key);
                                if (entry == null || !value.equals(entry.value())) {
                                    changes.computeIfAbsent(r, k -> new ArrayList<>())
                                            .add(
                                                    new AlterConfigOp(
                                                            new ConfigEntry(key, value),
                                                            AlterConfigOp.OpType.SET));
                                    log.info(
                                            "Topic {}: {} set to {} (was {}), as its spec says",
                                            spec.name(),
                                            key,
                                            value,
                                            entry == null ? "unset" : entry.value());
                                }
                            });
        }
        if (changes.isEmpty()) {
            return;
        }
        try {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // The topics exist and work; a cluster that denies this principal AlterConfigs wants
            // its operator to set them.
            log.warn(
                    "Could not set the configs of {} ({}): set them by hand as logged above",
                    changes.keySet().stream().map(ConfigResource::name).toList(),
                    e.getCause().toString());
        }
    }
}
