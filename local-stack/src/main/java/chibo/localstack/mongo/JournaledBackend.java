package chibo.localstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MongoDB-wire server's memory backend (as {@link UnsizedMemoryBackend}: no data sizes kept), kept across
 * restarts by a write-ahead {@link Journal}: queries and writes run at the speed of the memory backend, and every
 * change is appended to the journal before it is applied.
 * On start the journal is read back into memory (collections, then their indexes, rebuilt from the documents) and
 * rewritten as the live documents only; while running, it is rewritten so whenever it has doubled (see
 * {@link Journal}), so that it stays within a few times the live data however long the stack runs.
 *
 * <p>This is the local stack's store: nearly as fast as the memory backend the tests use (the H2 file backend, which
 * copies and serialises pages on every write, imported at half the pace; see the bench's README), and with every
 * acknowledged write surviving a killed process. What it cannot do is hold more than the heap: the data lives in
 * memory.
 */
public final class JournaledBackend extends UnsizedMemoryBackend {

    private static final Logger log = LoggerFactory.getLogger(JournaledBackend.class);

    private final Journal journal;
    /** Database → collection name → the collection it holds now (mongo-java-server keeps its own maps private). */
    private final Map<String, Map<String, JournaledCollection>> live = new ConcurrentHashMap<>();
    private final Map<String, Map<Object, Document>> toRestore;

    /** A journal rewritten while running once it has doubled and passed 256 MB. */
    public JournaledBackend(Path file) {
        this(file, 256L * 1024 * 1024);
    }

    /** A journal rewritten while running once it has doubled and passed {@code compactAbove} bytes. */
    public JournaledBackend(Path file, long compactAbove) {
        long started = System.nanoTime();
        Journal.Opened opened = Journal.open(file, JournaledBackend::idField);
        this.journal = opened.journal();
        this.toRestore = opened.state().namespaces;
        Set<String> databases = new LinkedHashSet<>();
        toRestore.keySet().forEach(namespace -> databases.add(namespace.substring(0, namespace.indexOf('.'))));
        long documents = toRestore.values().stream().mapToLong(Map::size).sum();
        databases.forEach(this::resolveDatabase);
        if (!toRestore.isEmpty()) {
            log.warn("MongoDB journal {}: collections missing from their database's namespaces, not restored: {}",
                    file, toRestore.keySet());
            toRestore.clear();
        }
        journal.compactWhenGrown(compactAbove, this::writeLiveDocuments);
        log.info("MongoDB journal {}: {} documents in {} databases restored in {} ms ({} bytes)", file, documents,
                databases.size(), (System.nanoTime() - started) / 1_000_000, journal.size());
    }

    /** The field that keys a collection's documents: as mongo-java-server's own system collections are keyed. */
    static String idField(String namespace) {
        String collection = namespace.substring(namespace.indexOf('.') + 1);
        return switch (collection) {
            case "system.namespaces" -> "name";
            case "system.indexes" -> null;
            default -> "_id";
        };
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new JournaledDatabase(databaseName, getCursorRegistry());
    }

    /** Rewrites the journal as the live documents now (it is also done by itself as the journal grows). */
    public void compactJournal() {
        journal.compact();
    }

    /**
     * Writes every live document to {@code into}: each collection's documents as they are at the moment it is
     * copied (its lock held only while the references are taken).
     */
    private void writeLiveDocuments(Journal into) {
        for (Map<String, JournaledCollection> collections : live.values()) {
            for (JournaledCollection collection : collections.values()) {
                List<Document> documents;
                String namespace;
                synchronized (collection) {
                    namespace = collection.getFullName();
                    documents = collection.documents();
                }
                documents.forEach(document -> into.put(namespace, document));
            }
        }
    }

    @Override
    public void close() {
        super.close();
        journal.close();
    }

    /**
     * A database whose collections journal their changes. Inner (not static), so that the collections its
     * constructor opens (mongo-java-server reopens the namespaces and indexes there) already reach the journal.
     */
    private final class JournaledDatabase extends UnsizedDatabase {

        JournaledDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        private Map<String, JournaledCollection> live() {
            return live.computeIfAbsent(getDatabaseName(), name -> new ConcurrentHashMap<>());
        }

        @Override
        public void unregisterCollection(String collectionName) {
            super.unregisterCollection(collectionName);
            live().remove(collectionName);
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            super.moveCollection(oldDatabase, collection, newCollectionName);
            live().put(newCollectionName, (JournaledCollection) collection);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            JournaledCollection collection = new JournaledCollection(this, collectionName, options, cursorRegistry);
            live().put(collectionName, collection);
            Map<Object, Document> restored = toRestore == null ? null : toRestore.remove(collection.getFullName());
            if (restored != null) {
                collection.restore(restored.values());
            }
            return collection;
        }
    }

    private final class JournaledCollection extends UnsizedCollection {

        private boolean restoring;

        JournaledCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        /** The documents, as they are now; the caller holds the collection's lock. */
        List<Document> documents() {
            return streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument).toList();
        }

        void restore(Iterable<Document> documents) {
            restoring = true;
            try {
                documents.forEach(this::addDocument);
            } finally {
                restoring = false;
            }
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            if (!restoring) {
                journal.put(getFullName(), document);
            }
            return super.addDocumentInternal(document);
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            journal.put(getFullName(), newDocument);
            super.handleUpdate(position, oldDocument, newDocument);
        }

        @Override
        protected void removeDocument(Integer position) {
            journal.remove(getFullName(), Journal.key(getDocument(position), getIdField()));
            super.removeDocument(position);
        }

        @Override
        public void drop() {
            journal.drop(getFullName());
            super.drop();
        }

        @Override
        public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
            journal.rename(getFullName(), newDatabase.getDatabaseName() + "." + newCollectionName);
            super.renameTo(newDatabase, newCollectionName);
        }
    }
}
