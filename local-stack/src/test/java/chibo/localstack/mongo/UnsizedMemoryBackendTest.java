package chibo.localstack.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory backend that keeps no data sizes answers every command as mongo-java-server's own memory backend does,
 * reached as the services reach it (the real driver over the wire protocol); only the sizes the statistics commands
 * report differ.
 */
class UnsizedMemoryBackendTest {

    private static <T> T on(MongoBackend backend, Function<MongoDatabase, T> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort() + "/")) {
            return work.apply(client.getDatabase("chibo"));
        } finally {
            server.shutdown();
        }
    }

    /** Inserts, updates of every kind the services send, a replacement, a removal, a unique index; what is left. */
    private static List<Document> workload(MongoDatabase database) {
        MongoCollection<Document> units = database.getCollection("units_v1");
        units.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        for (int i = 0; i < 50; i++) {
            units.insertOne(new Document("_id", "XA" + i).append("code", i).append("name", "Xã số " + i)
                    .append("units", new Document()));
        }
        units.updateOne(Filters.eq("_id", "XA1"), Updates.combine(
                Updates.set("units.XA1~T1", new Document("name", "Thôn 1").append("residents", 3L)),
                Updates.set("units.XA1~T2", new Document("name", "Thôn 2").append("residents", 0L))));
        units.updateOne(Filters.eq("_id", "XA1"), Updates.inc("units.XA1~T2.residents", 2L));
        units.updateOne(Filters.eq("_id", "XA2"), Updates.addEachToSet("months", List.of("2025-01", "2025-02")));
        units.updateOne(Filters.eq("_id", "XA2"), Updates.addEachToSet("months", List.of("2025-02", "2025-03")));
        units.updateOne(Filters.eq("_id", "XA3"), Updates.unset("units"));
        units.updateOne(Filters.eq("_id", "XA99"), Updates.set("name", "Xã mới"), new UpdateOptions().upsert(true));
        units.replaceOne(Filters.eq("_id", "XA4"), new Document("code", 4).append("name", "Xã Bốn"));
        units.deleteOne(Filters.eq("_id", "XA5"));
        units.updateMany(Filters.gte("code", 40), Updates.set("merged", true));
        List<Document> left = new ArrayList<>();
        units.find().sort(Sorts.ascending("_id")).into(left);
        left.add(new Document("refusedDuplicate", duplicateRefused(units)));
        left.add(new Document("count", units.countDocuments()));
        return left;
    }

    private static boolean duplicateRefused(MongoCollection<Document> units) {
        try {
            units.replaceOne(Filters.eq("_id", "XA6"), new Document("code", 7));
            return false;
        } catch (com.mongodb.MongoWriteException e) {
            return true;
        }
    }

    /** The size {@code collStats} reports of the collection the workload leaves. */
    private static long sizeAfterWorkload(MongoBackend backend) {
        return on(backend, database -> {
            workload(database);
            return database.runCommand(new Document("collStats", "units_v1")).get("size", Number.class);
        }).longValue();
    }

    @Test
    void every_write_and_read_answers_as_on_the_memory_backend() {
        List<Document> unsized = on(new UnsizedMemoryBackend(), UnsizedMemoryBackendTest::workload);
        List<Document> memory = on(new MemoryBackend(), UnsizedMemoryBackendTest::workload);

        assertThat(unsized).isEqualTo(memory);
        assertThat(unsized).contains(new Document("refusedDuplicate", true), new Document("count", 50L));
        assertThat(unsized.get(1).get("units", Document.class).get("XA1~T2", Document.class))
                .containsEntry("residents", 2L);
    }

    @Test
    void the_statistics_report_no_size_where_the_memory_backend_measures_every_document() {
        assertThat(sizeAfterWorkload(new UnsizedMemoryBackend())).isZero();
        assertThat(sizeAfterWorkload(new MemoryBackend())).isPositive();
    }
}
