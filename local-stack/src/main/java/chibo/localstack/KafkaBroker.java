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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker, KRaft combined mode on a single node, run from the Apache Kafka jars in its own process.
 * Its storage is formatted once; later starts reuse it, so topics and their history survive restarts.
 */
final class KafkaBroker implements AutoCloseable {

    private final ChildProcess process;
    private final String bootstrapServers;

    private KafkaBroker(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker start(Path dir, Path lib, int port, int controllerPort, Path logs, Duration timeout) {
        try {
            Files.createDirectories(dir);
            Path properties = dir.resolve("server.properties");
            Path logDirs = dir.resolve("data");
            Files.writeString(properties, serverProperties(logDirs, port, controllerPort));
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
            KafkaBroker started = new KafkaBroker(broker, "localhost:" + port);
            started.awaitReady(timeout);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited during start-up:\n" + process.tail(30));
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the Kafka broker was not ready within " + timeout
                                + "; see " + process.log());
                    }
                }
            }
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    private static String serverProperties(Path logDirs, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "") ;
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
