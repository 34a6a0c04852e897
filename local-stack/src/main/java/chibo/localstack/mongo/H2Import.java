package chibo.localstack.mongo;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries a local stack's data from the H2 file an earlier chibo kept it in over to the journal: every collection
 * (with mongo-java-server's own lists of namespaces and indexes) is written to a new journal, and the H2 file is
 * renamed, not deleted, so nothing is lost if anything goes wrong.
 */
public final class H2Import {

    private static final Logger log = LoggerFactory.getLogger(H2Import.class);
    private static final String DATABASES = "databases.";

    private H2Import() {
    }

    /**
     * If {@code journal} does not exist and {@code h2File} does, writes the H2 file's documents into a new journal
     * and renames the H2 file to {@code <name>.imported}.
     *
     * @return whether anything was imported
     */
    public static boolean importIfNeeded(Path h2File, Path journal) {
        if (Files.exists(journal) || !Files.exists(h2File)) {
            return false;
        }
        Map<String, Map<Object, Document>> namespaces = new LinkedHashMap<>();
        long documents = 0;
        MVStore store = new MVStore.Builder().fileName(h2File.toString()).readOnly().open();
        try {
            for (String name : store.getMapNames()) {
                if (!name.startsWith(DATABASES)) {
                    continue;
                }
                String namespace = name.substring(DATABASES.length());
                String idField = JournaledBackend.idField(namespace);
                MVMap<Object, Document> map = store.openMap(name);
                Map<Object, Document> copied = new LinkedHashMap<>();
                for (Document document : map.values()) {
                    copied.put(Journal.key(document, idField), document);
                }
                namespaces.put(namespace, copied);
                documents += copied.size();
            }
        } finally {
            store.close();
        }
        try {
            Journal.write(journal, namespaces);
            Files.move(h2File, h2File.resolveSibling(h2File.getFileName() + ".imported"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot carry " + h2File + " over to " + journal, e);
        }
        log.info("MongoDB data carried over from the H2 file {} to the journal {}: {} documents in {} collections;"
                + " the H2 file is kept as {}.imported", h2File, journal, documents, namespaces.size(),
                h2File.getFileName());
        return true;
    }
}
