package chibo.platform.eventstore;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotStoreTest {

    private MongoCollection<Document> collection;
    private SnapshotStore<Fixtures.Scores> snapshots;

    @BeforeEach
    void fresh() {
        collection = Fixtures.freshDatabase().getCollection("scores");
        snapshots = new SnapshotStore<>(collection, Fixtures.Scores.class);
    }

    @Test
    void a_snapshot_reads_back_as_it_was_saved_with_its_state_kept_as_json_text() {
        snapshots.save("m-1", new Current<>(new Fixtures.Scores(List.of(70, 85)), 2, "h2"));

        Current<Fixtures.Scores> read = snapshots.find("m-1").orElseThrow();
        assertThat(read.state().points()).containsExactly(70, 85);
        assertThat(read.seq()).isEqualTo(2);
        assertThat(read.hash()).isEqualTo("h2");
        assertThat(collection.find().first().get("state")).isInstanceOf(String.class);
    }

    @Test
    void a_snapshot_stored_as_a_document_by_an_earlier_version_is_still_read() {
        collection.insertOne(new Document("_id", "m-1").append("seq", 3L).append("hash", "h3")
                .append("state", new Document("points", List.of(60, 75, 90))));

        Current<Fixtures.Scores> read = snapshots.find("m-1").orElseThrow();
        assertThat(read.state().points()).containsExactly(60, 75, 90);
        assertThat(read.seq()).isEqualTo(3);
    }

    @Test
    void a_snapshot_is_never_replaced_by_an_older_one() {
        snapshots.save("m-1", new Current<>(new Fixtures.Scores(List.of(70, 85)), 2, "h2"));
        snapshots.save("m-1", new Current<>(new Fixtures.Scores(List.of(70)), 1, "h1"));

        assertThat(snapshots.find("m-1").orElseThrow().state().points()).containsExactly(70, 85);
        assertThat(snapshots.find("nobody")).isEmpty();
    }

    @Test
    void a_snapshot_of_an_older_state_format_is_ignored_and_replaced_whatever_its_seq() {
        snapshots.save("m-1", new Current<>(new Fixtures.Scores(List.of(70, 85, 90)), 3, "h3"));
        snapshots.save("m-2", new Current<>(new Fixtures.Scores(List.of(50)), 1, "h1"));
        SnapshotStore<Fixtures.Scores> newer = new SnapshotStore<>(collection, Fixtures.Scores.class, 2);

        assertThat(newer.find("m-1")).as("folded again from the events instead").isEmpty();
        assertThat(newer.findAll(List.of("m-1", "m-2"))).isEmpty();

        newer.save("m-1", new Current<>(new Fixtures.Scores(List.of(70)), 1, "h1"));

        assertThat(newer.find("m-1")).hasValueSatisfying(read -> assertThat(read.seq()).isEqualTo(1));
        assertThat(snapshots.find("m-1")).as("and the older format no longer reads it").isEmpty();
    }
}
