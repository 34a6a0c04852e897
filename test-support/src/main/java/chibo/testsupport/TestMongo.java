package chibo.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * One embedded MongoDB-wire server (mongo-java-server, memory backend) for the whole test JVM. Services reach it
 * through the real MongoDB driver and wire protocol.
 */
public final class TestMongo {

    private static MongoServer server;
    private static InetSocketAddress address;

    private TestMongo() {
    }

    /** A connection string for a database of the shared server. */
    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            address = server.getLocalAddress();
            LastShutdown.register("test-mongo-shutdown", server::shutdownNow);
        }
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }
}
