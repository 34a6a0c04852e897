package chibo.contracts;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The public keys a consumer trusts, by key id, each with the topics its holder may write: a record is applied
 * only when it is signed, by a known key allowed on the record's topic, over exactly what it carries. Several
 * keys of one service are trusted side by side while it rotates.
 */
public final class TrustedSigners {

    /** One trusted key and the topics its holder may write. */
    public record TrustedKey(PublicKey publicKey, Set<String> topics) {
        public TrustedKey {
            topics = Set.copyOf(topics);
        }
    }

    /** One per thread: consumers check every record, and looking the algorithm up each time costs more than reuse. */
    private static final ThreadLocal<Signature> VERIFIER = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance(EventKeys.ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of every Java runtime since 15", e);
        }
    });

    private final Map<String, TrustedKey> keys;

    public TrustedSigners(Map<String, TrustedKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Reads a record off {@code topic} and checks its signature, or throws why it may not be applied. */
    public CloudEventsKafka.ReceivedEvent read(String topic, Headers headers, byte[] value) {
        CloudEventsKafka.ReceivedEvent received = CloudEventsKafka.read(headers, value);
        SignatureCheck check = check(topic, headers, received);
        if (!check.holds()) {
            throw new UntrustedEventException(check);
        }
        return received;
    }

    /** Checks the signature of a record read off {@code topic} (its headers and what was read of it). */
    public SignatureCheck check(String topic, Headers headers, CloudEventsKafka.ReceivedEvent received) {
        String signer = text(headers.lastHeader(CloudEventsKafka.SIGNER_HEADER));
        String signature = text(headers.lastHeader(CloudEventsKafka.SIGNATURE_HEADER));
        if (signer == null || signer.isBlank() || signature == null || signature.isBlank()) {
            return new SignatureCheck(SignatureCheck.Outcome.UNSIGNED, signer, "the record has no "
                    + (signer == null || signer.isBlank() ? "ce_signer" : "ce_signature") + " header");
        }
        TrustedKey key = keys.get(signer);
        if (key == null) {
            return bad(signer, "key '" + signer + "' is not a trusted key");
        }
        if (!key.topics().contains(topic)) {
            return new SignatureCheck(SignatureCheck.Outcome.SIGNER_NOT_ALLOWED_FOR_TOPIC, signer,
                    "key '" + signer + "' may not write " + topic);
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return bad(signer, "ce_signature is not Base64");
        }
        EventEnvelope asSent = received.asSent();
        byte[] payload = received.rawPayload().getBytes(StandardCharsets.UTF_8);
        if (verifies(key.publicKey(), CanonicalForm.signed(CanonicalForm.of(asSent, payload), asSent.hash()),
                signatureBytes)) {
            return new SignatureCheck(SignatureCheck.Outcome.SIGNED, signer, "signed by " + signer);
        }
        // a client that re-serialised the payload without changing it: the signature covers the canonical JSON
        byte[] canonical = EventJson.canonical(received.rawPayload()).getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(canonical, payload) && verifies(key.publicKey(),
                CanonicalForm.signed(CanonicalForm.of(asSent, canonical), asSent.hash()), signatureBytes)) {
            return new SignatureCheck(SignatureCheck.Outcome.SIGNED, signer, "signed by " + signer);
        }
        return bad(signer, "the signature does not match the record under key '" + signer + "'");
    }

    private static SignatureCheck bad(String signer, String detail) {
        return new SignatureCheck(SignatureCheck.Outcome.BAD_SIGNATURE, signer, detail);
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = VERIFIER.get();
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
