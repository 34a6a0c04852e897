package chibo.reporting.versions;

import chibo.contracts.organization.UnitKind;
import chibo.reporting.figures.UnitCoverage;
import chibo.testsupport.TestMongo;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The units sink against the MongoDB-wire server: what it stores, and how many updates a batch costs. */
class UnitsSinkTest {

    /** The number of statements in each {@code update} command sent, in order. */
    private static final List<Integer> UPDATE_STATEMENTS = new CopyOnWriteArrayList<>();
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void connect() {
        CommandListener updates = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    UPDATE_STATEMENTS.add(event.getCommand().getArray("updates").size());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestMongo.uri("chibo-units-sink-test")))
                .addCommandListener(updates).build());
        database = client.getDatabase("chibo-units-sink-test");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static UnitCoverage unit(String owner, UnitKind kind, String name, String cellId, long residents) {
        return new UnitCoverage(owner, kind, cellId, residents, Map.of(), name, "2020-01", null);
    }

    private static Document stored(String version, String owner) {
        return database.getCollection(ProjectionNames.unitsCollection(version)).find(Filters.eq("_id", owner))
                .first();
    }

    @Test
    void a_batch_sets_each_unit_in_its_organisations_document_with_one_update_per_organisation() {
        String version = "v" + UUID.randomUUID().toString().substring(0, 8);
        UnitsSink sink = new UnitsSink(database, version);
        Map<String, UnitCoverage> batch = new LinkedHashMap<>();
        batch.put("XA1.T1", unit("XA1", UnitKind.VILLAGE, "Thôn 1", "XA1-C1", 3));
        batch.put("XA2.T1", unit("XA2", UnitKind.VILLAGE, "Thôn Nà Hang", null, 0));
        batch.put("XA1.T2", unit("XA1", UnitKind.VILLAGE, "Thôn 2", null, 0));
        batch.put("XA1.TH", unit("XA1", UnitKind.SCHOOL, "Trường tiểu học", "XA1-C2", 1));
        UPDATE_STATEMENTS.clear();

        sink.write(batch);

        assertThat(UPDATE_STATEMENTS).as("one update command, one statement per organisation")
                .containsExactly(2);
        Document xa1 = stored(version, "XA1").get("units", Document.class);
        assertThat(xa1.keySet()).containsExactlyInAnyOrder("XA1~T1", "XA1~T2", "XA1~TH");
        assertThat(xa1.get("XA1~T1", Document.class)).containsEntry("unitId", "XA1.T1")
                .containsEntry("name", "Thôn 1").containsEntry("kind", "VILLAGE").containsEntry("cellId", "XA1-C1")
                .containsEntry("residents", 3L);
        assertThat(xa1.get("XA1~TH", Document.class)).containsEntry("kind", "SCHOOL").containsEntry("residents", 1L);
        assertThat(xa1.get("XA1~T2", Document.class).get("cellId")).isNull();
        assertThat(stored(version, "XA2").get("units", Document.class).keySet()).containsExactly("XA2~T1");
    }

    @Test
    void a_later_batch_changes_only_the_units_it_holds_and_leaves_the_others_as_they_were() {
        String version = "v" + UUID.randomUUID().toString().substring(0, 8);
        UnitsSink sink = new UnitsSink(database, version);
        Map<String, UnitCoverage> first = new LinkedHashMap<>();
        first.put("XA1.T1", unit("XA1", UnitKind.VILLAGE, "Thôn 1", null, 0));
        first.put("XA1.T2", unit("XA1", UnitKind.VILLAGE, "Thôn 2", "XA1-C1", 2));
        sink.write(first);

        sink.write(Map.of("XA1.T1", unit("XA1", UnitKind.VILLAGE, "Thôn 1", "XA1-C1", 1)));
        UPDATE_STATEMENTS.clear();
        sink.write(Map.of());

        Document xa1 = stored(version, "XA1").get("units", Document.class);
        assertThat(xa1.get("XA1~T1", Document.class)).containsEntry("cellId", "XA1-C1").containsEntry("residents", 1L);
        assertThat(xa1.get("XA1~T2", Document.class)).as("not in the later batch").containsEntry("cellId", "XA1-C1")
                .containsEntry("residents", 2L);
        assertThat(UPDATE_STATEMENTS).as("an empty batch writes nothing").isEmpty();
    }
}
