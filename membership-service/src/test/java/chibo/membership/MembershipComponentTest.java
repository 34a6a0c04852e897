package chibo.membership;

import chibo.testsupport.Http;
import chibo.testsupport.ServiceTestProperties;
import chibo.testsupport.TestEventKeys;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the component tests: the whole service over real HTTP, with the JVM's one real Kafka broker and
 * embedded MongoDB-wire server. Every subclass shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MembershipComponentTest {

    @LocalServerPort
    int port;

    protected Http http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry, "membership", TestEventKeys.MEMBERSHIP);
    }

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }
}
