package chibo.platform.integrity;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventSigner;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.member.MemberExempted;
import chibo.testsupport.EventChains;
import chibo.testsupport.TestEventKeys;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventIntegrityConfigurationTest {

    private final EventEnvelope event = new EventChains("/chibo/membership-service").next("m-1",
            LocalDate.of(2025, 3, 1), "C-1", new MemberExempted("tuổi cao"));

    @TempDir
    Path dir;

    @Test
    void environment_variables_as_docker_compose_sets_them_give_the_signer_and_the_trusted_keys() throws Exception {
        Path keyFile = dir.resolve("membership.pem");
        Files.writeString(keyFile, "a secret mounted by compose\n-----BEGIN PRIVATE KEY-----\n"
                + TestEventKeys.MEMBERSHIP.privateKey() + "\n-----END PRIVATE KEY-----\n");
        EventIntegrityProperties properties = bind(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                "CHIBO_EVENTINTEGRITY_SIGNING_KEYID", "membership1",
                "CHIBO_EVENTINTEGRITY_SIGNING_PRIVATEKEYFILE", keyFile.toString(),
                "CHIBO_EVENTINTEGRITY_TRUSTED_MEMBERSHIP1_PUBLICKEY", TestEventKeys.MEMBERSHIP.publicKey(),
                "CHIBO_EVENTINTEGRITY_TRUSTED_MEMBERSHIP1_TOPICS", Topics.MEMBERSHIP + "," + Topics.ORGANIZATION)));

        EventSigner signer = EventIntegrityAutoConfiguration.signer(properties.signing());
        TrustedSigners trusted = EventIntegrityAutoConfiguration.trusted(properties.trusted());

        assertThat(trusted.keyIds()).containsExactly("membership1");
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(event, signer);
        assertThat(trusted.check(Topics.MEMBERSHIP, record.headers(), CloudEventsKafka.read(record.headers(),
                record.value())).holds()).isTrue();
        assertThat(trusted.check(Topics.MEETING, record.headers(), CloudEventsKafka.read(record.headers(),
                record.value())).holds()).isFalse();
    }

    @Test
    void command_line_properties_as_the_local_stack_passes_them_keep_key_ids_with_dashes() {
        EventIntegrityProperties properties = bind(new MapPropertySource("args", Map.of(
                "chibo.event-integrity.trusted[meeting-service-local-demo].public-key",
                TestEventKeys.MEETING.publicKey(),
                "chibo.event-integrity.trusted[meeting-service-local-demo].topics", Topics.MEETING)));

        TrustedSigners trusted = EventIntegrityAutoConfiguration.trusted(properties.trusted());

        assertThat(trusted.keyIds()).containsExactly("meeting-service-local-demo");
    }

    @Test
    void a_signing_key_id_without_a_key_or_a_trusted_key_that_does_not_read_fails_the_start_naming_the_setting() {
        assertThatThrownBy(() -> EventIntegrityAutoConfiguration.signer(
                new EventIntegrityProperties.Signing("membership1", null, null)))
                .hasMessageContaining("private-key");
        assertThatThrownBy(() -> EventIntegrityAutoConfiguration.signer(
                new EventIntegrityProperties.Signing("membership1", null, dir.resolve("absent.pem"))))
                .hasMessageContaining("private-key-file");
        assertThatThrownBy(() -> EventIntegrityAutoConfiguration.trusted(Map.of("meeting1",
                new EventIntegrityProperties.Trusted("bm90IGEga2V5", java.util.List.of(Topics.MEETING)))))
                .hasMessageContaining("chibo.event-integrity.trusted.meeting1.public-key");
        assertThatThrownBy(() -> EventIntegrityAutoConfiguration.trusted(Map.of("meeting1",
                new EventIntegrityProperties.Trusted(null, java.util.List.of(Topics.MEETING)))))
                .hasMessageContaining("chibo.event-integrity.trusted.meeting1.public-key is missing");
    }

    private static EventIntegrityProperties bind(org.springframework.core.env.PropertySource<?> source) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(source);
        return new Binder(ConfigurationPropertySources.from(sources)).bind("chibo.event-integrity",
                EventIntegrityProperties.class).orElseGet(() -> new EventIntegrityProperties(null, null));
    }
}
