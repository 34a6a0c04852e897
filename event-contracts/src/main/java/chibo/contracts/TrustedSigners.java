package chibo.contracts;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys a consumer trusts, by key id, each with the topics its holder may write: a record is applied
 * only when it is signed, by a known key allowed on the record's topic, over exactly what it carries. Several
 * keys of one service are trusted side by side while it rotates.
 *
 * <p>Every consumer checks every record it reads, so the check is Bouncy Castle's Ed25519 (RFC 8032) against each
 * key's point decoded once: some 80 µs, where the Java runtime's own takes 700, and once per batch of records
 * signed together ({@link BatchProof}).
 */
public final class TrustedSigners {

    /** One trusted key and the topics its holder may write. */
    public record TrustedKey(PublicKey publicKey, Set<String> topics) {
        public TrustedKey {
            topics = Set.copyOf(topics);
        }
    }

    /** The length of the DER prefix (SubjectPublicKeyInfo, RFC 8410) in front of an Ed25519 key's 32 bytes. */
    private static final int X509_PREFIX = 12;
    /** Batches remembered as held, at most; forgotten all at once when full. */
    private static final int REMEMBERED_BATCHES = 8_192;

    private final Map<String, TrustedKey> keys;
    private final Map<String, Ed25519.PublicPoint> points;
    /** Batch statements whose signature held, by signer, signature and statement. */
    private final Map<String, Boolean> heldBatches = new ConcurrentHashMap<>();

    public TrustedSigners(Map<String, TrustedKey> keys) {
        this.keys = Map.copyOf(keys);
        Map<String, Ed25519.PublicPoint> decoded = new HashMap<>();
        this.keys.forEach((keyId, key) -> decoded.put(keyId, point(keyId, key.publicKey())));
        this.points = Map.copyOf(decoded);
    }

    /** The key's point on the curve, checked to be a valid Ed25519 public key, or why it is refused. */
    private static Ed25519.PublicPoint point(String keyId, PublicKey key) {
        byte[] der = key.getEncoded();
        if (EventKeys.ALGORITHM.equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
            if (der != null && der.length == X509_PREFIX + Ed25519.PUBLIC_KEY_SIZE) {
                Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(der, X509_PREFIX);
                if (point != null) {
                    return point;
                }
            }
        }
        throw new IllegalArgumentException("trusted key " + keyId + " is not a valid Ed25519 public key");
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
        String proofText = text(headers.lastHeader(BatchProof.HEADER));
        BatchProof.Proof proof = null;
        if (proofText != null) {
            try {
                proof = BatchProof.parse(proofText);
            } catch (IllegalArgumentException e) {
                return bad(signer, BatchProof.HEADER + " is malformed: " + e.getMessage());
            }
        }
        EventEnvelope asSent = received.asSent();
        byte[] payload = received.rawPayload().getBytes(StandardCharsets.UTF_8);
        if (holds(signer, CanonicalForm.signed(CanonicalForm.of(asSent, payload), asSent.hash()), signatureBytes,
                proof)) {
            return new SignatureCheck(SignatureCheck.Outcome.SIGNED, signer, "signed by " + signer);
        }
        // a client that re-serialised the payload without changing it: the signature covers the canonical JSON
        byte[] canonical = EventJson.canonical(received.rawPayload()).getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(canonical, payload) && holds(signer,
                CanonicalForm.signed(CanonicalForm.of(asSent, canonical), asSent.hash()), signatureBytes, proof)) {
            return new SignatureCheck(SignatureCheck.Outcome.SIGNED, signer, "signed by " + signer);
        }
        return bad(signer, "the signature does not match the record under key '" + signer + "'"
                + (proof == null ? "" : " (batch of " + proof.size() + ")"));
    }

    /**
     * Whether the signature covers the message: directly, or through the batch's root when the record carries a
     * proof. A batch's statement that held once is remembered (by signer, signature and statement), so the other
     * records of the batch cost this consumer a few SHA-256s each.
     */
    private boolean holds(String signer, byte[] message, byte[] signatureBytes, BatchProof.Proof proof) {
        Ed25519.PublicPoint point = points.get(signer);
        if (proof == null) {
            return verifies(point, message, signatureBytes);
        }
        byte[] root = proof.root(message);
        if (root == null) {
            return false;
        }
        byte[] statement = BatchProof.statement(proof.size(), root);
        String remembered = signer + '\n' + Base64.getEncoder().encodeToString(signatureBytes) + '\n'
                + new String(statement, StandardCharsets.UTF_8);
        if (heldBatches.containsKey(remembered)) {
            return true;
        }
        if (!verifies(point, statement, signatureBytes)) {
            return false;
        }
        if (heldBatches.size() >= REMEMBERED_BATCHES) {
            heldBatches.clear();
        }
        heldBatches.put(remembered, Boolean.TRUE);
        return true;
    }

    private static SignatureCheck bad(String signer, String detail) {
        return new SignatureCheck(SignatureCheck.Outcome.BAD_SIGNATURE, signer, detail);
    }

    private static boolean verifies(Ed25519.PublicPoint point, byte[] message, byte[] signatureBytes) {
        return signatureBytes.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signatureBytes, 0, point, message, 0, message.length);
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
