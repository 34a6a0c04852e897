package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.reporting.figures.Counters;
import chibo.reporting.figures.MemberChange;
import chibo.reporting.figures.MemberFacts;
import chibo.reporting.topology.MemberFoldProcessor.MemberRecord;
import chibo.testsupport.EventChains;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reporting stores of a member (the member-facts store and its changelog, kept as long as the figures): the
 * year of birth, never the date, and facts stored with the date before are read as its year and counted in it.
 */
class StoredMemberFactsTest {

    private static final Person PERSON = new Person("Hoàng Văn Sơn", LocalDate.of(1987, 11, 23), Sex.MALE, "Tày",
            Education.UPPER_SECONDARY, "U-THON-2");

    private final EventChains chains = new EventChains("/chibo/membership-service");
    private final Serde<MemberRecord> serde = JsonSerde.of(MemberRecord.class);

    private EventEnvelope event(String effective, EventPayload payload) {
        return chains.next("m-7", LocalDate.parse(effective), "org", payload);
    }

    private MemberFacts admitted() {
        return MemberChange.of(null, event("2024-03-10", new MemberAdmitted(PERSON, "C1", LocalDate.of(2024, 3, 1),
                new Vote(9, 0, 0, 9), List.of(), true, null))).after();
    }

    @Test
    void a_members_stored_facts_hold_the_year_of_birth_and_not_the_date() {
        MemberFacts facts = admitted();

        String stored = new String(serde.serializer().serialize("t", new MemberRecord(1, facts)),
                StandardCharsets.UTF_8);

        assertThat(stored).contains("\"birthYear\":1987").doesNotContain("birthDate").doesNotContain("11-23")
                .doesNotContain("Hoàng");
        MemberRecord read = serde.deserializer().deserialize("t", stored.getBytes(StandardCharsets.UTF_8));
        assertThat(read.facts()).isEqualTo(facts);
        assertThat(read.facts().counters()).containsEntry(Counters.born(1987), 1L);
    }

    @Test
    void facts_stored_with_the_date_before_are_read_as_its_year_and_a_later_decision_takes_the_member_from_it() {
        String storedBefore = """
                {"seq":1,"facts":{"cellId":"C1","status":"PROBATIONARY","statusSeq":1,"exempted":false,\
                "birthDate":"1987-11-23","sex":"MALE","ethnicity":"Tày","education":"UPPER_SECONDARY",\
                "residenceUnitId":"U-THON-2","statusFlow":"flow.admitted","statusMonth":"2024-03"}}""";

        MemberFacts read = serde.deserializer().deserialize("t", storedBefore.getBytes(StandardCharsets.UTF_8))
                .facts();

        assertThat(read.birthYear()).isEqualTo(1987);
        assertThat(read).isEqualTo(admitted());
        MemberChange removed = MemberChange.of(read, event("2024-09-02",
                new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP, null, null)));
        assertThat(removed.after().status()).isEqualTo(MemberStatus.REMOVED);
        assertThat(removed.deltas()).singleElement().satisfies(delta -> assertThat(delta.counters())
                .containsEntry(Counters.born(1987), -1L).doesNotContainKey(Counters.born(null)));
    }
}
