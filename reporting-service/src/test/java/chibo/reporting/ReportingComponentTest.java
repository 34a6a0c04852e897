package chibo.reporting;

import chibo.testsupport.EventPublisher;
import chibo.testsupport.Http;
import chibo.testsupport.ServiceTestProperties;
import chibo.testsupport.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Base of the component tests: the whole service, its topology running exactly-once on the JVM's one real Kafka
 * broker and writing to the embedded MongoDB-wire server. Events are published as their producers would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ReportingComponentTest {

    @LocalServerPort
    int port;

    protected Http http;
    protected EventPublisher publisher;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry, "reporting");
        registry.add("chibo.reporting.state-dir", () -> {
            try {
                return Files.createTempDirectory("chibo-reporting-state").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @BeforeEach
    void clients() {
        http = new Http("http://localhost:" + port);
        publisher = new EventPublisher(TestBroker.bootstrapServers(), "/chibo/membership-service");
    }

    @AfterEach
    void close() {
        publisher.close();
    }
}
