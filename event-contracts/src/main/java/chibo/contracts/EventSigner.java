package chibo.contracts;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs what a service publishes: Ed25519 over {@link CanonicalForm#signed}, the key named by {@code keyId} in the
 * {@code ce_signer} header so that consumers know which of the service's keys to check it with (rotation).
 */
public final class EventSigner {

    private final String keyId;
    private final PrivateKey key;

    public EventSigner(String keyId, PrivateKey key) {
        if (Objects.requireNonNull(keyId, "keyId").isBlank()) {
            throw new IllegalArgumentException("a signing key needs an id");
        }
        this.keyId = keyId;
        this.key = Objects.requireNonNull(key, "key");
    }

    public String keyId() {
        return keyId;
    }

    /** The Base64 Ed25519 signature of these bytes. */
    public String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(EventKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + keyId, e);
        }
    }
}
