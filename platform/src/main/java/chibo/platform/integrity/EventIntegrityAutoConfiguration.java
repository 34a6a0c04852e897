package chibo.platform.integrity;

import chibo.contracts.EventKeys;
import chibo.contracts.EventSigner;
import chibo.contracts.TrustedSigners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** This service's signing key (when it has one) and the keys it trusts, from {@link EventIntegrityProperties}. */
@AutoConfiguration
@EnableConfigurationProperties(EventIntegrityProperties.class)
public class EventIntegrityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventIntegrityAutoConfiguration.class);

    @Bean
    @ConditionalOnProperty("chibo.event-integrity.signing.key-id")
    EventSigner eventSigner(EventIntegrityProperties properties) {
        return signer(properties.signing());
    }

    @Bean
    TrustedSigners trustedSigners(EventIntegrityProperties properties) {
        if (properties.trusted().isEmpty()) {
            log.warn("chibo.event-integrity.trusted is empty: every event this service reads will be refused");
        }
        return trusted(properties.trusted());
    }

    static EventSigner signer(EventIntegrityProperties.Signing signing) {
        String text = signing.privateKey();
        if ((text == null || text.isBlank()) && signing.privateKeyFile() != null) {
            try {
                text = Files.readString(signing.privateKeyFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read chibo.event-integrity.signing.private-key-file "
                        + signing.privateKeyFile(), e);
            }
        }
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("chibo.event-integrity.signing.key-id is set but neither private-key"
                    + " nor private-key-file is");
        }
        try {
            return new EventSigner(signing.keyId(), EventKeys.privateKey(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("chibo.event-integrity.signing: " + e.getMessage(), e);
        }
    }

    static TrustedSigners trusted(Map<String, EventIntegrityProperties.Trusted> configured) {
        Map<String, TrustedSigners.TrustedKey> keys = new HashMap<>();
        configured.forEach((keyId, trusted) -> {
            if (trusted.publicKey() == null || trusted.publicKey().isBlank()) {
                throw new IllegalStateException("chibo.event-integrity.trusted." + keyId + ".public-key is missing");
            }
            try {
                keys.put(keyId, new TrustedSigners.TrustedKey(EventKeys.publicKey(trusted.publicKey()),
                        trusted.topics() == null ? Set.of()
                                : Set.copyOf(trusted.topics().stream().map(String::trim).toList())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("chibo.event-integrity.trusted." + keyId + ".public-key: "
                        + e.getMessage(), e);
            }
        });
        return new TrustedSigners(keys);
    }
}
