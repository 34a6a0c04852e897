package chibo.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB-wire server (mongo-java-server) the services reach through the real MongoDB driver. With a
 * file, data survives restarts (H2 backend); without, it lives in memory.
 */
final class MongoWire implements AutoCloseable {

    private final MongoServer server;

    private MongoWire(MongoServer server) {
        this.server = server;
    }

    static MongoWire start(Path file, int port) {
        MongoBackend backend;
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = new H2Backend(file.toString());
        } else {
            backend = new MemoryBackend();
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoWire(server);
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
    }

    /** Stops listening and closes the backend, which flushes the H2 file. */
    @Override
    public void close() {
        server.shutdown();
    }
}
