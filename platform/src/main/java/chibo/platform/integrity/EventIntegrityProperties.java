package chibo.platform.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How this service signs what it publishes and whose signatures it accepts (docs/event-integrity.md).
 *
 * @param signing this service's own key, for a service that publishes events
 * @param trusted the public keys of the services whose events this service reads, by key id, each with the topics
 *                its holder may write; during a rotation both the old and the new key of a service are listed
 */
@ConfigurationProperties("chibo.event-integrity")
public record EventIntegrityProperties(Signing signing, Map<String, Trusted> trusted) {

    public EventIntegrityProperties {
        trusted = trusted == null ? Map.of() : Map.copyOf(trusted);
    }

    /**
     * @param keyId          the id consumers know the key by, sent in {@code ce_signer}
     * @param privateKey     the Ed25519 private key, PKCS#8 in PEM or Base64; or
     * @param privateKeyFile a file holding it (a mounted secret)
     */
    public record Signing(String keyId, String privateKey, Path privateKeyFile) {
    }

    /**
     * @param publicKey the Ed25519 public key, X.509 in PEM or Base64
     * @param topics    the topics the key's holder may write
     */
    public record Trusted(String publicKey, List<String> topics) {
    }
}
