package chibo.localstack;

import chibo.contracts.Topics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaAccessTest {

    private static final List<AclBinding> RULES = KafkaAccess.acls();

    /** The principals that may write to a topic of that exact name, by any rule (literal or prefix). */
    private static Set<String> writersOf(String topic) {
        return RULES.stream()
                .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
                .filter(acl -> acl.pattern().patternType() == PatternType.LITERAL
                        ? acl.pattern().name().equals(topic) : topic.startsWith(acl.pattern().name()))
                .filter(acl -> acl.entry().operation() == AclOperation.WRITE
                        || acl.entry().operation() == AclOperation.ALL)
                .map(acl -> acl.entry().principal())
                .collect(Collectors.toSet());
    }

    @Test
    void each_event_topic_is_written_by_its_own_service_alone() {
        assertThat(writersOf(Topics.MEMBERSHIP)).containsExactly("User:membership-service");
        assertThat(writersOf(Topics.ORGANIZATION)).containsExactly("User:membership-service");
        assertThat(writersOf(Topics.MEETING)).containsExactly("User:meeting-service");
        assertThat(writersOf("chibo.reporting.redrive." + Topics.MEMBERSHIP)).containsExactly("User:reporting-service");
        assertThat(writersOf("chibo-reporting-v1-org-aggregates-changelog")).containsExactly("User:reporting-service");
    }

    @Test
    void a_service_s_dead_letters_are_its_own() {
        assertThat(writersOf(Topics.deadLetter(Topics.MEMBERSHIP, "meeting-service-rosters")))
                .containsExactly("User:meeting-service");
        assertThat(writersOf(Topics.deadLetter(Topics.MEETING, "membership-service-reviews")))
                .containsExactly("User:membership-service");
        assertThat(writersOf(Topics.deadLetter(Topics.ORGANIZATION, "chibo-reporting-v1")))
                .containsExactly("User:reporting-service");
    }

    @Test
    void nobody_but_the_administrator_may_change_acls_or_the_cluster() {
        assertThat(RULES).noneMatch(acl -> acl.pattern().resourceType() == ResourceType.CLUSTER
                && Set.of(AclOperation.ALTER, AclOperation.ALL, AclOperation.CLUSTER_ACTION,
                AclOperation.ALTER_CONFIGS).contains(acl.entry().operation()));
        assertThat(RULES).allMatch(acl -> acl.entry().principal().matches("User:(membership|meeting|reporting)-service"));
    }

    @Test
    void a_rule_that_cannot_be_read_is_refused_with_its_line() {
        assertThatThrownBy(() -> KafkaAccess.acls("# ok\nmembership-service topic x literal Wrte\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2").hasMessageContaining("Wrte");
        assertThatThrownBy(() -> KafkaAccess.acls("membership-service queue x literal Write\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> KafkaAccess.acls("membership-service topic x\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one operation");
    }

    @Test
    void credentials_are_generated_once_per_data_directory_and_readable_by_their_owner_only(@TempDir Path data)
            throws Exception {
        KafkaAccess first = KafkaAccess.of(data.resolve("kafka"));
        KafkaAccess again = KafkaAccess.of(data.resolve("kafka"));
        KafkaAccess elsewhere = KafkaAccess.of(data.resolve("other"));

        assertThat(again.password("membership-service")).isEqualTo(first.password("membership-service"));
        assertThat(elsewhere.password("membership-service")).isNotEqualTo(first.password("membership-service"));
        assertThat(first.password("admin")).isNotEqualTo(first.password("membership-service")).hasSizeGreaterThan(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve("kafka/credentials.properties")))).isEqualTo("rw-------");
        Map<String, Object> client = first.clientProperties("meeting-service");
        assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat((String) client.get("sasl.jaas.config")).contains("username=\"meeting-service\"");
    }
}
