package chibo.meeting.roster;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberTemporaryTransferEnded;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.TemporaryReason;
import chibo.contracts.member.TransferKind;
import chibo.contracts.member.Vote;
import chibo.testsupport.EventChains;
import chibo.testsupport.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cell rosters as stored: each member's entry under its own key, one update per cell and batch, the same roster
 * after a batch applied again (a crash between the rosters and the members' states), and rosters stored in the
 * earlier form (an array of entries) read beside the new one until each member there changes.
 */
class RosterStoreTest {

    private static final Person PERSON = new Person("Lò Văn Minh", LocalDate.of(1990, 1, 1), Sex.MALE, "Thái",
            Education.UPPER_SECONDARY, null);
    private static final LocalDate DAY = LocalDate.of(2025, 2, 1);

    private final EventChains chains = new EventChains("/chibo/membership-service");
    private MongoClient client;
    private MongoDatabase database;
    private Rosters rosters;

    @BeforeEach
    void store() {
        String name = "rosters-" + UUID.randomUUID();
        client = MongoClients.create(TestMongo.uri(name));
        MongoTemplate mongo = new MongoTemplate(client, name);
        database = mongo.getDb();
        rosters = new Rosters(mongo, new SimpleMeterRegistry());
    }

    @AfterEach
    void drop() {
        database.drop();
        client.close();
    }

    private EventEnvelope event(String memberId, String date, EventPayload payload) {
        return chains.next(memberId, LocalDate.parse(date), "G", payload);
    }

    private static MemberAdmitted admittedTo(String cellId) {
        return new MemberAdmitted(PERSON, cellId, LocalDate.of(2024, 2, 20), new Vote(9, 0, 0, 9), List.of(), true,
                null);
    }

    private Document stored(String cellId) {
        return database.getCollection("cell_rosters").find(new Document("_id", cellId)).first();
    }

    @Test
    void each_member_is_one_keyed_entry_and_a_move_changes_both_cells() {
        rosters.acceptAll(List.of(event("m-1", "2024-03-01", admittedTo("A")),
                event("m-2", "2024-03-01", admittedTo("A"))));
        rosters.acceptAll(List.of(
                event("m-1", "2025-01-10", new MemberTransferStarted(TransferKind.OFFICIAL, "A", "G2", "B", "job")),
                event("m-1", "2025-01-20", new MemberTransferReceived("B"))));

        assertThat(rosters.asOf("A", DAY)).extracting(CellRoster.Line::memberId).containsExactly("m-2");
        assertThat(rosters.asOf("B", DAY)).extracting(CellRoster.Line::memberId).containsExactly("m-1");
        assertThat(rosters.asOf("A", LocalDate.of(2025, 1, 9))).hasSize(2);
        assertThat(stored("A").get(Rosters.MEMBERS, Document.class).keySet()).containsExactlyInAnyOrder("m-1",
                "m-2");
    }

    @Test
    void a_batch_applied_again_after_its_members_states_were_lost_leaves_one_entry_per_member() {
        EventEnvelope admitted = event("m-1", "2024-03-01", admittedTo("A"));
        rosters.acceptAll(List.of(admitted));
        database.getCollection("roster_members").drop();
        rosters.acceptAll(List.of(admitted,
                event("m-1", "2025-03-01", new MemberTemporaryTransferStarted("H", TemporaryReason.STUDY,
                        LocalDate.of(2025, 9, 1)))));

        CellRoster home = rosters.roster("A");
        assertThat(home.entries()).singleElement().satisfies(entry -> assertThat(entry.stints()).hasSize(2));
        assertThat(rosters.roster("H").entries()).singleElement();
    }

    @Test
    void a_member_whose_stints_in_a_cell_are_gone_is_taken_off_its_roster() {
        rosters.acceptAll(List.of(event("m-1", "2024-03-01", admittedTo("A"))));
        rosters.acceptAll(List.of(event("m-1", "2025-03-01", new MemberTemporaryTransferStarted("H",
                TemporaryReason.STUDY, LocalDate.of(2025, 9, 1)))));
        assertThat(rosters.roster("H").entries()).singleElement();

        rosters.acceptAll(List.of(event("m-1", "2025-03-01", new MemberTemporaryTransferEnded("H"))));

        assertThat(rosters.roster("H").entries()).isEmpty();
        assertThat(stored("H").get(Rosters.MEMBERS, Document.class)).isNullOrEmpty();
    }

    @Test
    void a_roster_stored_as_an_array_is_read_with_the_keyed_entries_and_each_member_moves_over_when_changed() {
        rosters.acceptAll(List.of(event("m-1", "2024-03-01", admittedTo("A"))));
        Document keptEntry = Document.parse(chibo.contracts.EventJson.mapper()
                .writeValueAsString(rosters.roster("A").entries().getFirst()));
        database.getCollection("cell_rosters").replaceOne(new Document("_id", "A"), new Document("_id", "A")
                .append(Rosters.LEGACY_ENTRIES, List.of(keptEntry, new Document(keptEntry).append("memberId", "m-9")
                        .append("fullName", "Hà Thị Lan"))));
        assertThat(rosters.roster("A").entries()).extracting(CellRoster.Entry::memberId)
                .containsExactlyInAnyOrder("m-1", "m-9");

        rosters.acceptAll(List.of(event("m-1", "2025-03-01", new MemberTemporaryTransferStarted("H",
                TemporaryReason.STUDY, LocalDate.of(2025, 9, 1)))));

        assertThat(rosters.roster("A").entries()).extracting(CellRoster.Entry::memberId)
                .containsExactlyInAnyOrder("m-1", "m-9");
        assertThat(rosters.roster("A").entries()).filteredOn(entry -> entry.memberId().equals("m-1"))
                .singleElement().satisfies(entry -> assertThat(entry.stints()).hasSize(2));
        assertThat(stored("A").getList(Rosters.LEGACY_ENTRIES, Document.class)).extracting(d -> d.get("memberId"))
                .containsExactly("m-9");
    }

    @Test
    void a_member_id_with_dots_is_a_key_of_its_own() {
        rosters.acceptAll(List.of(event("BP.m.1", "2024-03-01", admittedTo("A")),
                event("BP-m-1", "2024-03-01", admittedTo("A"))));

        assertThat(rosters.asOf("A", DAY)).extracting(CellRoster.Line::memberId)
                .containsExactly("BP-m-1", "BP.m.1");
        assertThat(stored("A").get(Rosters.MEMBERS, Document.class).keySet())
                .containsExactlyInAnyOrder("BP%2Em%2E1", "BP-m-1");
    }
}
