package chibo.localstack;

import chibo.localstack.mongo.H2Import;
import chibo.localstack.mongo.JournaledBackend;
import chibo.localstack.mongo.UnsizedMemoryBackend;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB-wire server (mongo-java-server) the services reach through the real MongoDB driver: in
 * memory, in memory kept by a journal file (the local stack's default: data survives restarts), or on the H2 file
 * backend.
 */
final class MongoWire implements AutoCloseable {

    private final MongoServer server;

    private MongoWire(MongoServer server) {
        this.server = server;
    }

    static MongoWire start(StackConfig.MongoStore store, Path dataDir, int port) {
        MongoBackend backend = switch (store) {
            case MEMORY -> new UnsizedMemoryBackend();
            case JOURNAL -> {
                Path journal = directory(dataDir).resolve("chibo.journal");
                H2Import.importIfNeeded(journal.resolveSibling("chibo.mv"), journal);
                yield new JournaledBackend(journal);
            }
            case H2 -> new H2Backend(directory(dataDir).resolve("chibo.mv").toString());
        };
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoWire(server);
    }

    private static Path directory(Path dataDir) {
        Path mongo = dataDir.resolve("mongo");
        try {
            return Files.createDirectories(mongo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
    }

    /** Stops listening and closes the backend, which forces the journal (or flushes the H2 file) to the disk. */
    @Override
    public void close() {
        server.shutdown();
    }
}
