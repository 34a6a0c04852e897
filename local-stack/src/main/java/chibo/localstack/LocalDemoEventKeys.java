package chibo.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * LOCAL-DEMO signing keys for the events the services publish, one Ed25519 key pair per publishing service, made at
 * the stack's first start in its data directory (like the authorization server's key) and kept across restarts so
 * that the topics' history stays verifiable. They protect nothing outside this machine: a real deployment brings
 * its own keys (docs/event-integrity.md).
 */
final class LocalDemoEventKeys {

    /** Which topics each publishing service writes, hence may sign. */
    static final Map<String, List<String>> PUBLISHERS = Map.of(
            LocalStack.MEMBERSHIP, List.of("party.membership.events", "party.organization.events"),
            LocalStack.MEETING, List.of("party.meeting.events"));

    private final Path dir;

    private LocalDemoEventKeys(Path dir) {
        this.dir = dir;
    }

    /** The stack's keys, generating those not made yet. */
    static LocalDemoEventKeys ensure(Path dir) {
        LocalDemoEventKeys keys = new LocalDemoEventKeys(dir);
        PUBLISHERS.keySet().forEach(keys::ensureKeyOf);
        return keys;
    }

    static String keyId(String service) {
        return service + "-local-demo";
    }

    Path privateKeyFile(String service) {
        return dir.resolve(service + ".key.pem");
    }

    /** The command-line properties that give a service its own key (if it publishes) and the keys it trusts. */
    List<String> arguments(String service) {
        List<String> arguments = new ArrayList<>();
        if (PUBLISHERS.containsKey(service)) {
            arguments.add("--chibo.event-integrity.signing.key-id=" + keyId(service));
            arguments.add("--chibo.event-integrity.signing.private-key-file=" + privateKeyFile(service));
        }
        PUBLISHERS.forEach((publisher, topics) -> {
            String prefix = "--chibo.event-integrity.trusted[" + keyId(publisher) + "].";
            arguments.add(prefix + "public-key=" + Base64.getEncoder().encodeToString(publicKey(publisher)
                    .getEncoded()));
            arguments.add(prefix + "topics=" + String.join(",", topics));
        });
        return arguments;
    }

    private void ensureKeyOf(String service) {
        Path file = privateKeyFile(service);
        if (Files.isRegularFile(file)) {
            return;
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(dir);
            Path partial = dir.resolve(service + ".key.pem.partial");
            Files.writeString(partial, "LOCAL DEMO KEY of " + service + ", made by chibo's local stack: never use"
                    + " it anywhere else\n" + pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(partial, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local-demo event key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java runtime since 15", e);
        }
    }

    PublicKey publicKey(String service) {
        try {
            String text = Files.readString(privateKeyFile(service), StandardCharsets.US_ASCII);
            byte[] der = block(text, "PUBLIC KEY");
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(privateKeyFile(service) + " is not a local-demo event key: delete it"
                    + " to have a new one made", e);
        }
    }

    private static byte[] block(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        int start = text.indexOf(begin);
        int end = text.indexOf("-----END " + label + "-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
