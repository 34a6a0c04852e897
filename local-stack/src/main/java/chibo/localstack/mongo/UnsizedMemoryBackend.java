package chibo.localstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * mongo-java-server's memory backend less one cost: its collections keep no running total of their documents' BSON
 * size. To keep that total, the server encodes a document whole on every insert and removal, and twice on every update
 * (its state before and after) — half of what an update cost the server in the bench's flight recording, where every
 * update of a member's, a cell's or an organisation's document paid for its whole size — for a figure that only
 * {@code dbStats} and {@code collStats} report. Here they report a size of 0; documents, queries, indexes and every
 * other answer are the memory backend's own.
 */
public class UnsizedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new UnsizedDatabase(databaseName, getCursorRegistry());
    }

    /** A database whose collections keep no data size. */
    static class UnsizedDatabase extends MemoryDatabase {

        UnsizedDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new UnsizedCollection(this, collectionName, options, cursorRegistry);
        }
    }

    /** A memory collection that does not measure the documents it stores. */
    static class UnsizedCollection extends MemoryCollection {

        UnsizedCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }
    }
}
