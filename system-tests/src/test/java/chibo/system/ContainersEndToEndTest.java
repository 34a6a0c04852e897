package chibo.system;

import chibo.localstack.LocalStack;
import chibo.localstack.StackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.nio.file.Path;

/**
 * The same flow against the production engines: the {@code apache/kafka} image (KRaft) and MongoDB as a replica
 * set. Runs where Docker runs; skipped elsewhere (the local-stack flow covers the same behaviour everywhere).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest extends EndToEndFlow {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

    @TempDir
    static Path dataDir;

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        String placeholder = "chibo_database";
        String prefix = MONGO.getReplicaSetUrl(placeholder).replace("/" + placeholder, "/");
        stack = LocalStack.start(Stacks.inMemory(dataDir)
                .withExternal(new StackConfig.External(KAFKA.getBootstrapServers(), prefix)));
        registerCentralAndProvince(new Agency(stack));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    LocalStack stack() {
        return stack;
    }
}
