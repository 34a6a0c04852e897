package chibo.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDemoEventKeysTest {

    @TempDir
    Path data;

    @Test
    void the_keys_are_made_at_the_first_start_marked_as_local_demo_and_kept_across_restarts() throws Exception {
        LocalDemoEventKeys first = LocalDemoEventKeys.ensure(data);
        String membershipKey = Files.readString(first.privateKeyFile(LocalStack.MEMBERSHIP));

        LocalDemoEventKeys again = LocalDemoEventKeys.ensure(data);

        assertThat(membershipKey).startsWith("LOCAL DEMO KEY of membership-service");
        assertThat(Files.readString(again.privateKeyFile(LocalStack.MEMBERSHIP))).isEqualTo(membershipKey);
        assertThat(again.publicKey(LocalStack.MEETING)).isEqualTo(first.publicKey(LocalStack.MEETING));
        assertThat(first.publicKey(LocalStack.MEETING)).isNotEqualTo(first.publicKey(LocalStack.MEMBERSHIP));
    }

    @Test
    void a_publisher_signs_with_its_own_key_and_every_service_trusts_each_publisher_on_its_topics_only()
            throws Exception {
        LocalDemoEventKeys keys = LocalDemoEventKeys.ensure(data);

        List<String> membership = keys.arguments(LocalStack.MEMBERSHIP);
        List<String> reporting = keys.arguments(LocalStack.REPORTING);

        assertThat(membership).contains("--chibo.event-integrity.signing.key-id=membership-service-local-demo",
                "--chibo.event-integrity.signing.private-key-file=" + keys.privateKeyFile(LocalStack.MEMBERSHIP));
        assertThat(reporting).noneMatch(argument -> argument.contains(".signing."));
        assertThat(reporting).contains(
                "--chibo.event-integrity.trusted[membership-service-local-demo].topics="
                        + "party.membership.events,party.organization.events",
                "--chibo.event-integrity.trusted[meeting-service-local-demo].topics=party.meeting.events");
        String trusted = reporting.stream()
                .filter(a -> a.startsWith("--chibo.event-integrity.trusted[meeting-service-local-demo].public-key="))
                .findFirst().orElseThrow();
        byte[] message = "meeting.held.v1".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey(keys.privateKeyFile(LocalStack.MEETING)));
        signer.update(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(trusted.substring(trusted.indexOf('=') + 1)))));
        verifier.update(message);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    private static PrivateKey privateKey(Path file) throws Exception {
        String text = Files.readString(file);
        String body = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
                text.indexOf("-----END PRIVATE KEY-----"));
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(body)));
    }
}
