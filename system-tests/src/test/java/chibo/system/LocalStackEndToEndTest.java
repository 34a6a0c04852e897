package chibo.system;

import chibo.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The flow on the local stack: the Kafka broker from the Apache Kafka jars, the embedded MongoDB-wire server. */
class LocalStackEndToEndTest extends EndToEndFlow {

    @TempDir
    static Path dataDir;

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(Stacks.inMemory(dataDir));
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
