package chibo.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker, KRaft combined mode on a single node, run from the Apache Kafka jars in its own process.
 * Its storage is formatted once; later starts reuse it, so topics and their history survive restarts.
 */
final class KafkaBroker implements AutoCloseable {

    /** Partitions of each event topic: as the services declare them ({@code chibo.topics.partitions}). */
    private static final int PARTITIONS = 6;

    private final ChildProcess process;
    private final String bootstrapServers;
    private final KafkaAccess access;

    private KafkaBroker(ChildProcess process, String bootstrapServers, KafkaAccess access) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.access = access;
    }

    static KafkaBroker start(Path dir, Path lib, int port, int controllerPort, Path logs, Duration timeout) {
        try {
            Files.createDirectories(dir);
            KafkaAccess access = KafkaAccess.of(dir);
            Path properties = dir.resolve("server.properties");
            Path logDirs = dir.resolve("data");
            Files.writeString(properties, serverProperties(logDirs, port, controllerPort, access));
            Path logback = dir.resolve("logback.xml");
            Files.writeString(logback, logbackXml(logs.resolve("kafka.log")));
            String classpath = lib.resolve("*").toString();
            List<String> jvm = List.of("-Xmx512m", "-cp", classpath, "-Dlogback.configurationFile=" + logback);
            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                ChildProcess format = ChildProcess.java("kafka-storage-format", concat(jvm, List.of(
                        "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                        properties.toString(), "--standalone")), logs.resolve("kafka-format.log"));
                int exit = format.waitFor(Duration.ofMinutes(2));
                if (exit != 0) {
                    throw new IllegalStateException("formatting Kafka storage failed:\n" + format.tail(20));
                }
            }
            ChildProcess broker = ChildProcess.java("kafka", concat(jvm, List.of("kafka.Kafka",
                    properties.toString())), logs.resolve("kafka.out"));
            KafkaBroker started = new KafkaBroker(broker, "localhost:" + port, access);
            started.awaitReady(timeout);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = new HashMap<>(access.bootstrapAdminProperties());
        config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited during start-up:\n" + process.tail(30));
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the Kafka broker was not ready within " + timeout
                                + "; see " + process.log());
                    }
                    continue;
                }
                try {
                    access.grant(admin, PARTITIONS);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while granting access to the broker", e);
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the Kafka broker's credentials, topics and access rules"
                                + " could not be put in place within " + timeout + "; see " + process.log(), notYet);
                    }
                }
            }
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    KafkaAccess access() {
        return access;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    /**
     * Closed: clients authenticate (SASL) on the one client listener and are authorised by ACL
     * ({@link KafkaAccess}); the controller listener takes only the broker itself.
     */
    private static String serverProperties(Path logDirs, int port, int controllerPort, KafkaAccess access) {
        return String.join("\n", concat(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=SASL_PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false"), concat(access.brokerProperties(), List.of(""))));
    }

    private static String logbackXml(Path logFile) {
        return """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d{ISO8601} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(logFile);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
