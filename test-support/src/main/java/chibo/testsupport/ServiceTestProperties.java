package chibo.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a service under test at the shared broker, the shared MongoDB-wire server and the test signing key. */
public final class ServiceTestProperties {

    private ServiceTestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        register(registry, database, null);
    }

    /** As {@link #register(DynamicPropertyRegistry, String)}, for a service that signs its events with this key. */
    public static void register(DynamicPropertyRegistry registry, String database, TestEventKeys signing) {
        TestEventKeys.register(registry, signing);
        registry.add("spring.kafka.bootstrap-servers", TestBroker::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestMongo.uri(database));
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                TestTokens::publicKeyLocation);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "");
    }
}
