package chibo.membership.organization;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.EventStore;
import chibo.testsupport.EventChains;
import chibo.testsupport.TestMongo;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OccupantsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 9, 1);

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(TestMongo.uri("membership")),
            "occupants_" + UUID.randomUUID().toString().replace("-", ""));
    private final Occupants occupants = new Occupants(mongo, new AggregateStore<>(new EventStore(mongo.getDb(),
            List.of(Topics.ORGANIZATION, Topics.MEMBERSHIP), "/chibo/membership-service", Clock.systemUTC(),
            new SimpleMeterRegistry()), Topics.ORGANIZATION, mongo.getCollection("organization_snapshots"),
            Organization.class, Organization::apply));
    private final EventChains members = new EventChains("/chibo/membership-service");
    private final EventChains organisations = new EventChains("/chibo/membership-service");

    private EventEnvelope admitted(String memberId, String cellId) {
        return members.next(memberId, DAY, "XA", new MemberAdmitted(new Person("Hà Thị Lan", LocalDate.of(1995, 3, 2),
                Sex.FEMALE, "Tày", Education.UPPER_SECONDARY, null), cellId, DAY.minusDays(20), new Vote(9, 0, 0, 9),
                List.of(), true, null));
    }

    private long indexDocuments(String orgId) {
        return mongo.getCollection("org_occupants").countDocuments(Filters.eq("_id", orgId));
    }

    @Test
    void what_this_instance_just_stored_is_seen_at_once_without_a_write_on_the_commands_path() {
        occupants.acceptStored(List.of(admitted("m-1", "C1")));
        occupants.acceptStored(List.of(organisations.next("C2", DAY, "XA",
                new OrganizationRegistered("Chi bộ thôn 2", OrgLevel.CELL, "XA"))));

        assertThat(occupants.members("C1")).containsExactly("m-1");
        assertThat(occupants.children("XA")).containsExactly("C2");
        assertThat(occupants.members("C2")).isEmpty();
        assertThat(indexDocuments("C1")).as("nothing written yet").isZero();
    }

    @Test
    void once_the_topic_brings_an_event_back_it_is_in_the_index_and_counted_once() {
        EventEnvelope here = admitted("m-1", "C1");
        occupants.acceptStored(List.of(here));

        occupants.acceptAll(List.of(here, admitted("m-2", "C1")));

        assertThat(indexDocuments("C1")).isOne();
        assertThat(occupants.members("C1")).containsExactly("m-1", "m-2");
        occupants.acceptAll(List.of(here));
        assertThat(occupants.members("C1")).as("an event applied twice changes nothing").containsExactly("m-1", "m-2");
    }

    @Test
    void an_event_another_instance_stored_is_seen_once_the_topic_brings_it() {
        EventEnvelope elsewhere = admitted("m-9", "C3");

        assertThat(occupants.members("C3")).isEmpty();
        occupants.acceptAll(List.of(elsewhere));
        assertThat(occupants.members("C3")).containsExactly("m-9");
    }
}
