package chibo.membership.duelist;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import chibo.contracts.EventPayload;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberSwornIn;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.TransferKind;
import chibo.contracts.member.Vote;
import chibo.membership.rules.Regulations;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * The cells' due lists as stored: each member's items under the member's own key, a move changing both cells, the
 * same list after a batch applied again (a crash between the lists and the members' states), and lists stored in
 * the earlier form (an array of items) read beside the new one until each member there changes.
 */
class DueListStoreTest {

    private static final Person PERSON = new Person("Lò Văn Minh", LocalDate.of(1990, 1, 1), Sex.MALE, "Thái",
            Education.UPPER_SECONDARY, null);

    private final EventChains chains = new EventChains("/chibo/membership-service");
    private MongoClient client;
    private MongoDatabase database;
    private DueLists dueLists;

    @BeforeEach
    void store() {
        String name = "due-lists-" + UUID.randomUUID();
        client = MongoClients.create(TestMongo.uri(name));
        MongoTemplate mongo = new MongoTemplate(client, name);
        database = mongo.getDb();
        dueLists = new DueLists(mongo, new DueItems(Regulations.DEFAULTS, WorkingDayCalendar.vietnam()),
                new SimpleMeterRegistry(), List.of());
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
        return database.getCollection("due_by_cell").find(new Document("_id", cellId)).first();
    }

    @Test
    void each_member_is_one_keyed_entry_and_a_move_changes_both_cells() {
        dueLists.acceptAll(List.of(event("m-1", "2024-03-01", admittedTo("A")),
                event("m-2", "2024-03-01", admittedTo("A"))));
        assertThat(dueLists.ofCell("A")).extracting(DueItem::memberId).containsExactlyInAnyOrder("m-1", "m-2");
        assertThat(stored("A").get(DueLists.MEMBERS, Document.class).keySet())
                .containsExactlyInAnyOrder("m-1", "m-2");

        dueLists.acceptAll(List.of(
                event("m-1", "2024-04-01", new MemberTransferStarted(TransferKind.OFFICIAL, "A", "G2", "B", "job")),
                event("m-1", "2024-04-10", new MemberTransferReceived("B"))));

        assertThat(dueLists.ofCell("A")).extracting(DueItem::memberId).containsExactly("m-2");
        assertThat(dueLists.ofCell("B")).extracting(DueItem::memberId, DueItem::kind)
                .containsExactly(tuple("m-1", DueKind.AWAITING_CEREMONY));
        assertThat(stored("A").get(DueLists.MEMBERS, Document.class).keySet()).containsExactly("m-2");
    }

    @Test
    void a_members_items_are_replaced_when_what_is_due_changes() {
        dueLists.accept(event("m-1", "2024-03-01", admittedTo("A")));
        dueLists.accept(event("m-1", "2024-03-15", new MemberSwornIn(LocalDate.of(2025, 3, 15))));

        assertThat(dueLists.ofCell("A")).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.PROBATION_ENDING);
            assertThat(item.fullName()).isEqualTo("Lò Văn Minh");
            assertThat(item.since()).isEqualTo(LocalDate.of(2025, 3, 15));
        });
    }

    @Test
    void a_batch_applied_again_after_its_members_states_were_lost_leaves_the_items_once() {
        EventEnvelope admitted = event("m-1", "2024-03-01", admittedTo("A"));
        dueLists.acceptAll(List.of(admitted));
        database.getCollection("due_members").drop();

        dueLists.acceptAll(List.of(admitted));

        assertThat(dueLists.ofCell("A")).singleElement()
                .satisfies(item -> assertThat(item.kind()).isEqualTo(DueKind.AWAITING_CEREMONY));
    }

    @Test
    void a_list_stored_as_an_array_is_read_with_the_keyed_items_and_each_member_moves_over_when_changed() {
        dueLists.acceptAll(List.of(event("m-1", "2024-03-01", admittedTo("A"))));
        Document kept = Document.parse(EventJson.mapper().writeValueAsString(dueLists.ofCell("A").getFirst()));
        database.getCollection("due_by_cell").replaceOne(new Document("_id", "A"), new Document("_id", "A")
                .append(DueLists.LEGACY_ITEMS, List.of(kept, new Document(kept).append("memberId", "m-9")
                        .append("fullName", "Hà Thị Lan"))));
        assertThat(dueLists.ofCell("A")).extracting(DueItem::memberId).containsExactlyInAnyOrder("m-1", "m-9");

        dueLists.acceptAll(List.of(event("m-1", "2024-03-15", new MemberSwornIn(LocalDate.of(2025, 3, 15)))));

        assertThat(dueLists.ofCell("A")).extracting(DueItem::memberId, DueItem::kind).containsExactlyInAnyOrder(
                tuple("m-1", DueKind.PROBATION_ENDING),
                tuple("m-9", DueKind.AWAITING_CEREMONY));
        assertThat(stored("A").getList(DueLists.LEGACY_ITEMS, Document.class)).extracting(d -> d.get("memberId"))
                .containsExactly("m-9");
    }

    @Test
    void a_member_id_with_dots_is_a_key_of_its_own() {
        dueLists.acceptAll(List.of(event("BP.m.1", "2024-03-01", admittedTo("A")),
                event("BP-m-1", "2024-03-01", admittedTo("A"))));

        assertThat(dueLists.ofCell("A")).extracting(DueItem::memberId).containsExactlyInAnyOrder("BP-m-1", "BP.m.1");
        assertThat(stored("A").get(DueLists.MEMBERS, Document.class).keySet())
                .containsExactlyInAnyOrder("BP%2Em%2E1", "BP-m-1");
    }
}
