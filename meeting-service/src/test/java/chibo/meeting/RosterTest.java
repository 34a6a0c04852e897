package chibo.meeting;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.Topics;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.RemovalGround;
import chibo.testsupport.KafkaProbe;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestEventKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RosterTest extends MeetingComponentTest {

    private static final String ROSTERS = "meeting-service-rosters";
    private static final String ORG_TREE = "meeting-service-org-tree";

    @Autowired
    MeterRegistry meters;

    /** The consumer group's dead letters from the topic counted so far (other tests of the context may add some). */
    private double deadLettersCounted(String group, String topic) {
        Counter counter = meters.find("chibo.dead.letters").tag("consumer", group).tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitCountedMoreThan(double before, String group, String topic) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deadLettersCounted(group, topic))
                .as("dead letters of " + group + " from " + topic).isGreaterThanOrEqualTo(before + 1));
    }

    @Test
    void the_roster_follows_admissions_transfers_and_removals() {
        CellFixture fixture = new CellFixture(membership);
        List<String> members = fixture.admitMembers(3);
        fixture.awaitRoster(http, fixture.cell, members);

        membership.publish(members.get(0), LocalDate.of(2025, 1, 5), fixture.otherCell,
                new MemberTransferReceived(fixture.otherCell));
        membership.publish(members.get(1), LocalDate.of(2025, 2, 1), fixture.grassroots,
                new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP, null, null));

        fixture.awaitRoster(http, fixture.cell, List.of(members.get(2)));
        fixture.awaitRoster(http, fixture.otherCell, List.of(members.get(0)));
    }

    @Test
    void an_event_that_arrives_before_its_predecessor_waits_for_it_and_a_repeat_changes_nothing() {
        CellFixture fixture = new CellFixture(membership);
        String member = "m-" + UUID.randomUUID();
        var admitted = fixture.admitted(member, fixture.cell);
        var moved = membership.next(member, LocalDate.of(2025, 1, 5), fixture.otherCell,
                new MemberTransferReceived(fixture.otherCell));

        membership.send(moved);
        String marker = "m-" + UUID.randomUUID();
        membership.send(fixture.admitted(marker, fixture.cell));
        fixture.awaitRoster(http, fixture.cell, List.of(marker));
        assertThat(CellFixture.roster(http, fixture.otherCell, fixture.writer())).isEmpty();

        membership.send(admitted);
        fixture.awaitRoster(http, fixture.otherCell, List.of(member));

        membership.send(admitted);
        membership.send(moved);
        String secondMarker = "m-" + UUID.randomUUID();
        membership.send(fixture.admitted(secondMarker, fixture.cell));
        fixture.awaitRoster(http, fixture.cell, List.of(marker, secondMarker));
        assertThat(CellFixture.roster(http, fixture.otherCell, fixture.writer())).containsExactly(member);
    }

    @Test
    void a_membership_record_not_signed_by_membership_service_changes_no_roster_and_is_dead_lettered_with_its_reason() {
        CellFixture fixture = new CellFixture(membership);
        String unsigned = "unsigned-" + UUID.randomUUID();
        String stranger = "stranger-" + UUID.randomUUID();

        membership.send(CloudEventsKafka.toRecord(fixture.admitted(unsigned, fixture.cell)));
        membership.send(TestEventKeys.STRANGER.sign(fixture.admitted(stranger, fixture.cell)));
        List<String> after = fixture.admitMembers(1);

        fixture.awaitRoster(http, fixture.cell, after);
        assertThat(CellFixture.roster(http, fixture.cell, fixture.writer())).doesNotContain(unsigned, stranger);
        try (KafkaProbe dlt = new KafkaProbe(TestBroker.bootstrapServers(),
                Topics.deadLetter(Topics.MEMBERSHIP, ROSTERS))) {
            assertThat(reason(dlt.awaitKey(unsigned, records -> !records.isEmpty(), Duration.ofSeconds(30))
                    .getFirst())).startsWith("unsigned: ");
            assertThat(reason(dlt.awaitKey(stranger, records -> !records.isEmpty(), Duration.ofSeconds(30))
                    .getFirst())).startsWith("bad-signature: ").contains(TestEventKeys.STRANGER.keyId());
        }
    }

    private static String reason(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> dead) {
        return new String(dead.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8);
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_with_its_reason_and_the_consumer_carries_on() {
        CellFixture fixture = new CellFixture(membership);
        String poisonKey = "poison-" + UUID.randomUUID();
        double countedBefore = deadLettersCounted(ROSTERS, Topics.MEMBERSHIP);
        ProducerRecord<String, byte[]> poison = CloudEventsKafka.toRecord(fixture.admitted(poisonKey, fixture.cell));
        poison.headers().remove("ce_type");
        poison.headers().add("ce_type", "member.teleported.v1".getBytes(StandardCharsets.UTF_8));

        membership.send(poison);
        List<String> after = fixture.admitMembers(1);

        fixture.awaitRoster(http, fixture.cell, after);
        try (KafkaProbe dlt = new KafkaProbe(TestBroker.bootstrapServers(),
                Topics.deadLetter(Topics.MEMBERSHIP, ROSTERS))) {
            var dead = dlt.awaitKey(poisonKey, records -> !records.isEmpty(), Duration.ofSeconds(30)).getFirst();
            String reason = new String(dead.headers().lastHeader("x-exception-message").value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).as(reason).contains("member.teleported.v1");
            assertThat(dead.value()).isEqualTo(poison.value());
            assertThat(CellFixture.roster(http, fixture.cell, fixture.writer())).doesNotContain(poisonKey);
        }
        awaitCountedMoreThan(countedBefore, ROSTERS, Topics.MEMBERSHIP);
    }

    @Test
    void an_unreadable_organisation_record_is_dead_lettered_by_the_org_tree_consumer_counted_and_the_tree_carries_on() {
        String poisonKey = "poison-org-" + UUID.randomUUID();
        double countedBefore = deadLettersCounted(ORG_TREE, Topics.ORGANIZATION);

        membership.send(new ProducerRecord<>(Topics.ORGANIZATION, poisonKey,
                "{not an event".getBytes(StandardCharsets.UTF_8)));
        CellFixture fixture = new CellFixture(membership);
        List<String> after = fixture.admitMembers(1);

        fixture.awaitRoster(http, fixture.cell, after);
        try (KafkaProbe dlt = new KafkaProbe(TestBroker.bootstrapServers(),
                Topics.deadLetter(Topics.ORGANIZATION, ORG_TREE))) {
            var dead = dlt.awaitKey(poisonKey, records -> !records.isEmpty(), Duration.ofSeconds(30)).getFirst();
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
            assertThat(reason(dead)).isNotBlank();
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-topic").value(),
                    StandardCharsets.UTF_8)).isEqualTo(Topics.ORGANIZATION);
        }
        awaitCountedMoreThan(countedBefore, ORG_TREE, Topics.ORGANIZATION);
    }
}
