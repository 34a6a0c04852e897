package chibo.localstack.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journaled store, reached as the services reach it: the real MongoDB driver over the wire protocol. */
class JournaledBackendTest {

    @TempDir
    Path dir;

    private Path journal() {
        return dir.resolve("chibo.journal");
    }

    private void withStore(MongoBackend backend, Consumer<com.mongodb.client.MongoDatabase> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()) + "/")) {
            work.accept(client.getDatabase("chibo"));
        } finally {
            server.shutdown();
        }
    }

    private void withJournal(Consumer<com.mongodb.client.MongoDatabase> work) {
        withStore(new JournaledBackend(journal()), work);
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @Test
    void every_kind_of_write_is_there_after_a_restart_and_nothing_else() {
        withJournal(db -> {
            MongoCollection<Document> members = db.getCollection("members");
            members.insertMany(IntStream.range(0, 50).mapToObj(i -> new Document("_id", "m" + i).append("n", i))
                    .toList());
            members.updateOne(Filters.eq("_id", "m1"), Updates.set("status", "OFFICIAL"));
            members.replaceOne(Filters.eq("_id", "m2"), new Document("n", 200));
            members.deleteOne(Filters.eq("_id", "m3"));
            members.deleteMany(Filters.in("_id", "m4", "m5"));
            members.findOneAndUpdate(Filters.eq("_id", "m6"), Updates.inc("n", 100));
            members.replaceOne(Filters.eq("_id", "new"), new Document("n", -1), new ReplaceOptions().upsert(true));
            members.bulkWrite(List.of(new InsertOneModel<>(new Document("_id", "bulk").append("n", 7)),
                    new ReplaceOneModel<>(Filters.eq("_id", "m7"), new Document("n", 77))));
            db.getCollection("empty").insertOne(new Document("_id", "gone"));
            db.getCollection("empty").deleteOne(Filters.eq("_id", "gone"));
        });

        withJournal(db -> {
            MongoCollection<Document> members = db.getCollection("members");
            assertThat(members.countDocuments()).isEqualTo(50 - 3 + 2);
            assertThat(members.find(Filters.eq("_id", "m1")).first()).containsEntry("status", "OFFICIAL");
            assertThat(members.find(Filters.eq("_id", "m2")).first()).containsEntry("n", 200);
            assertThat(members.find(Filters.in("_id", "m3", "m4", "m5")).first()).isNull();
            assertThat(members.find(Filters.eq("_id", "m6")).first()).containsEntry("n", 106);
            assertThat(members.find(Filters.eq("_id", "new")).first()).containsEntry("n", -1);
            assertThat(members.find(Filters.eq("_id", "bulk")).first()).containsEntry("n", 7);
            assertThat(members.find(Filters.eq("_id", "m7")).first()).containsEntry("n", 77);
            assertThat(members.find(Filters.eq("_id", "m8")).first()).containsEntry("n", 8);
            assertThat(db.listCollectionNames().into(new ArrayList<>())).contains("members", "empty");
            assertThat(db.getCollection("empty").countDocuments()).isZero();
        });
    }

    @Test
    void indexes_are_rebuilt_and_a_unique_one_still_refuses_a_duplicate_after_a_restart() {
        withJournal(db -> {
            MongoCollection<Document> events = db.getCollection("events");
            events.createIndex(Indexes.ascending("subject", "seq"), new IndexOptions().unique(true).name("s_s"));
            events.insertOne(new Document("_id", "e1").append("subject", "m1").append("seq", 1));
        });

        withJournal(db -> {
            MongoCollection<Document> events = db.getCollection("events");
            assertThat(events.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .contains("_id_", "s_s");
            assertThatThrownBy(() -> events.insertOne(new Document("_id", "e2").append("subject", "m1")
                    .append("seq", 1)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e ->
                            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> events.insertOne(new Document("_id", "e1")))
                    .isInstanceOf(MongoWriteException.class);
            events.insertOne(new Document("_id", "e2").append("subject", "m1").append("seq", 2));
            assertThat(events.countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void a_dropped_collection_and_its_indexes_stay_dropped() {
        withJournal(db -> {
            db.getCollection("counts_v1").createIndex(Indexes.ascending("org"), new IndexOptions().name("by_org"));
            db.getCollection("counts_v1").insertOne(new Document("_id", "a").append("org", "x"));
            db.getCollection("counts_v2").insertOne(new Document("_id", "b"));
            db.getCollection("counts_v1").drop();
        });

        withJournal(db -> {
            assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain("counts_v1")
                    .contains("counts_v2");
            assertThat(db.getCollection("counts_v1").countDocuments()).isZero();
            db.getCollection("counts_v1").insertOne(new Document("_id", "a").append("org", "y"));
            assertThat(db.getCollection("counts_v1").find().first()).containsEntry("org", "y");
        });
    }

    @Test
    void what_was_acknowledged_is_in_the_file_before_the_store_is_closed() throws IOException {
        MongoServer killed = new MongoServer(new JournaledBackend(journal()));
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(killed.bind()) + "/")) {
            client.getDatabase("chibo").getCollection("members").insertOne(new Document("_id", "acknowledged"));
            // no shutdown, no close: what a killed process leaves behind is what is in the file now
            Path copy = dir.resolve("copy");
            Files.createDirectories(copy);
            Files.copy(journal(), copy.resolve("chibo.journal"));
            withStore(new JournaledBackend(copy.resolve("chibo.journal")), db ->
                    assertThat(db.getCollection("members").find(Filters.eq("_id", "acknowledged")).first())
                            .isNotNull());
        } finally {
            killed.shutdownNow();
        }
    }

    @Test
    void a_record_cut_short_by_a_crash_loses_only_itself_and_the_file_is_kept_aside() throws IOException {
        withJournal(db -> db.getCollection("members").insertMany(List.of(new Document("_id", "a"),
                new Document("_id", "b"))));
        long whole = Files.size(journal());
        withJournal(db -> db.getCollection("members").insertOne(new Document("_id", "cut")));
        try (FileChannel file = FileChannel.open(journal(), StandardOpenOption.WRITE)) {
            file.truncate(Files.size(journal()) - 3);
        }

        withJournal(db -> {
            List<Object> ids = db.getCollection("members").find().map(d -> d.get("_id")).into(new ArrayList<>());
            assertThat(ids).containsExactlyInAnyOrder("a", "b");
        });
        try (var kept = Files.list(dir)) {
            assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("chibo.journal.cut-"));
        }
        assertThat(whole).isPositive();
    }

    @Test
    void a_restart_rewrites_the_journal_as_the_live_documents_only() throws IOException {
        withJournal(db -> {
            MongoCollection<Document> summary = db.getCollection("summary");
            summary.insertOne(new Document("_id", "s").append("n", 0).append("text", "x".repeat(500)));
            for (int i = 1; i <= 200; i++) {
                summary.updateOne(Filters.eq("_id", "s"), Updates.set("n", i));
            }
        });
        long withHistory = Files.size(journal());

        withJournal(db -> assertThat(db.getCollection("summary").find().first()).containsEntry("n", 200));

        assertThat(Files.size(journal())).isLessThan(withHistory / 20);
    }

    @Test
    void a_running_store_rewrites_its_journal_as_it_grows_and_loses_nothing_by_it() throws IOException {
        int updates = 2_000;
        String text = "x".repeat(500);
        withStore(new JournaledBackend(journal(), 32 * 1024), db -> {
            MongoCollection<Document> summary = db.getCollection("summary");
            summary.insertOne(new Document("_id", "s").append("n", 0).append("text", text));
            for (int i = 1; i <= updates; i++) {
                summary.updateOne(Filters.eq("_id", "s"), Updates.set("n", i));
            }
            db.getCollection("other").insertOne(new Document("_id", "o"));
        });

        // each update appends the whole document: some 1 MB without the rewrites
        assertThat(Files.size(journal())).isLessThan(updates * text.length() / 8);
        withJournal(db -> {
            assertThat(db.getCollection("summary").find().first()).containsEntry("n", updates);
            assertThat(db.getCollection("other").countDocuments()).isEqualTo(1);
        });
    }

    @Test
    void writes_that_go_on_while_the_journal_is_rewritten_are_all_kept() throws Exception {
        JournaledBackend backend = new JournaledBackend(journal());
        int members = 3_000;
        withStore(backend, db -> {
            MongoCollection<Document> collection = db.getCollection("members");
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < members; i++) {
                    collection.insertOne(new Document("_id", "m" + i).append("v", 0));
                    collection.updateOne(Filters.eq("_id", "m" + (i / 2)), Updates.inc("v", 1));
                    if (i % 3 == 0) {
                        collection.deleteOne(Filters.eq("_id", "m" + (i / 3)));
                    }
                }
            });
            while (writer.isAlive()) {
                backend.compactJournal();
            }
            try {
                writer.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        withJournal(db -> {
            MongoCollection<Document> collection = db.getCollection("members");
            for (int i = 0; i < members; i++) {
                Document member = collection.find(Filters.eq("_id", "m" + i)).first();
                // m(j) is incremented when i = 2j and i = 2j + 1, and deleted when i = 3j, all with i < members
                int updatesOf = (2 * i < members ? 1 : 0) + (2 * i + 1 < members ? 1 : 0);
                boolean deleted = 3 * i < members;
                if (deleted) {
                    assertThat(member).as("m" + i).isNull();
                } else {
                    assertThat(member).as("m" + i).isNotNull().containsEntry("v", updatesOf);
                }
            }
        });
    }

    @Test
    void a_store_kept_on_the_h2_file_by_an_earlier_version_is_carried_over_once() {
        Path h2 = dir.resolve("chibo.mv");
        withStore(new H2Backend(h2.toString()), db -> {
            db.getCollection("members").createIndex(Indexes.ascending("card"), new IndexOptions().unique(true));
            db.getCollection("members").insertMany(List.of(new Document("_id", "a").append("card", 1),
                    new Document("_id", "b").append("card", 2)));
        });

        assertThat(H2Import.importIfNeeded(h2, journal())).isTrue();
        assertThat(H2Import.importIfNeeded(h2, journal())).isFalse();

        assertThat(h2).doesNotExist();
        assertThat(dir.resolve("chibo.mv.imported")).exists();
        withJournal(db -> {
            MongoCollection<Document> members = db.getCollection("members");
            assertThat(members.find().map(d -> d.get("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("a", "b");
            assertThatThrownBy(() -> members.insertOne(new Document("_id", "c").append("card", 2)))
                    .isInstanceOf(MongoWriteException.class);
        });
    }
}
