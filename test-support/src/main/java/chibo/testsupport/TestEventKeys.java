package chibo.testsupport;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventCatalog;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventKeys;
import chibo.contracts.EventSigner;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * TEST KEYS, published on purpose: never trust them outside tests. One fixed Ed25519 key pair per publishing
 * service, so that tests can sign events as that service would and services under test trust exactly these.
 */
public enum TestEventKeys {

    MEMBERSHIP("test-membership", "MC4CAQAwBQYDK2VwBCIEIC+EzpcQ/2PrC/Euru2awxsq87MpXFZ6mh+lkrdXhqXk",
            "MCowBQYDK2VwAyEAoJNAQFS8kpZHlOPXWlm6GchhGdCWY3XDUpZlGvcUzM4=",
            List.of(Topics.MEMBERSHIP, Topics.ORGANIZATION)),
    MEETING("test-meeting", "MC4CAQAwBQYDK2VwBCIEIL5vHW/NkGYQdye3LwOec5A3kveeS+4otfbpjG8Og9b+",
            "MCowBQYDK2VwAyEADrPQyaE9bkIJ9iL6s8mGqMvJgkfR0Keg/bSbJkXmitI=", List.of(Topics.MEETING)),
    /** A key no service trusts: what a forger would sign with. */
    STRANGER("test-stranger", "MC4CAQAwBQYDK2VwBCIEIJ3Xfd7TqBeBdtlu5GaDjJYRxVDITxqM6ZrGZvbEe2Yu",
            "MCowBQYDK2VwAyEAbWaNFz3CUMBzMOjhYFYP1ISdeiMJLdh2B4UKBAYFmPY=", List.of());

    private final String keyId;
    private final String privateKey;
    private final String publicKey;
    private final List<String> topics;
    private final EventSigner signer;

    TestEventKeys(String keyId, String privateKey, String publicKey, List<String> topics) {
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.topics = topics;
        this.signer = new EventSigner(keyId, EventKeys.privateKey(privateKey));
    }

    public String keyId() {
        return keyId;
    }

    public String publicKey() {
        return publicKey;
    }

    /** The private half, PKCS#8 in Base64: a test key, published on purpose. */
    public String privateKey() {
        return privateKey;
    }

    public EventSigner signer() {
        return signer;
    }

    /** The record of an event signed by the service that owns its topic, as chibo's relays send it. */
    public static ProducerRecord<String, byte[]> signed(EventEnvelope event) {
        return CloudEventsKafka.toRecord(event, owner(EventCatalog.require(event.type()).topic()).signer);
    }

    /** The record of an event signed with this key, whatever its topic. */
    public ProducerRecord<String, byte[]> sign(EventEnvelope event) {
        return CloudEventsKafka.toRecord(event, signer);
    }

    /** The test key of the service that writes this topic. */
    public static TestEventKeys owner(String topic) {
        return Stream.of(values()).filter(key -> key.topics.contains(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test key writes " + topic));
    }

    /** What a consumer under test trusts: the membership and meeting test keys on their own topics. */
    public static TrustedSigners trusted() {
        return new TrustedSigners(Stream.of(MEMBERSHIP, MEETING).collect(Collectors.toMap(TestEventKeys::keyId,
                key -> new TrustedSigners.TrustedKey(EventKeys.publicKey(key.publicKey), Set.copyOf(key.topics)))));
    }

    /** Configures a service under test to trust the test keys and, when it publishes, to sign with {@code own}. */
    public static void register(DynamicPropertyRegistry registry, TestEventKeys own) {
        for (TestEventKeys key : List.of(MEMBERSHIP, MEETING)) {
            String prefix = "chibo.event-integrity.trusted[" + key.keyId + "].";
            registry.add(prefix + "public-key", () -> key.publicKey);
            registry.add(prefix + "topics", () -> String.join(",", key.topics));
        }
        if (own != null) {
            registry.add("chibo.event-integrity.signing.key-id", () -> own.keyId);
            registry.add("chibo.event-integrity.signing.private-key", () -> own.privateKey);
        }
    }

    /** Every test key's public half by id, e.g. for a process started with command-line properties. */
    public static Map<String, String> publicKeys() {
        return Stream.of(values()).collect(Collectors.toMap(TestEventKeys::keyId, TestEventKeys::publicKey));
    }
}
