package chibo.meeting;

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

/**
 * Base of the component tests: the whole service over real HTTP, consuming from the JVM's one real Kafka broker,
 * storing in the embedded MongoDB-wire server. Membership's events are published as membership-service would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MeetingComponentTest {

    @LocalServerPort
    int port;

    protected Http http;
    protected EventPublisher membership;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry, "meeting");
    }

    @BeforeEach
    void clients() {
        http = new Http("http://localhost:" + port);
        membership = new EventPublisher(TestBroker.bootstrapServers(), "/chibo/membership-service");
    }

    @AfterEach
    void close() {
        membership.close();
    }
}
