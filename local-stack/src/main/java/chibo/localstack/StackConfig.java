package chibo.localstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param home       the directory holding {@code lib/} (the broker's classpath) and {@code services/} (the
 *                   services' jars): {@code local-stack/target} after a build
 * @param dataDir    everything the stack stores: broker log, MongoDB file, signing key, Streams state, logs
 * @param store      where the embedded MongoDB-wire server keeps its data
 * @param demoData   load the demo province when the store is empty
 * @param ports      where each process listens
 * @param external   Kafka and MongoDB run elsewhere (e.g. in containers); the stack starts only its services
 * @param dashboard  start the dashboard too (people log into it in a browser); tests that only call the APIs
 *                   leave it out
 * @param instances  how many instances of each of membership-service, meeting-service and reporting-service to
 *                   run side by side (same databases, topics and consumer groups; each on its own port)
 */
public record StackConfig(Path home, Path dataDir, MongoStore store, boolean demoData, Ports ports,
                          Duration startTimeout, External external, boolean dashboard, int instances) {

    public StackConfig {
        if (instances < 1) {
            throw new IllegalArgumentException("at least one instance of each service, not " + instances);
        }
    }

    /** Where the embedded MongoDB-wire server keeps its data. */
    public enum MongoStore {
        /** In memory only: gone when the stack stops (tests). */
        MEMORY,
        /** In memory, every change appended to {@code <data-dir>/mongo/chibo.journal}: survives restarts. */
        JOURNAL,
        /** On mongo-java-server's H2 file backend, {@code <data-dir>/mongo/chibo.mv}: survives restarts, slower. */
        H2
    }

    /** Kafka and MongoDB the stack should use instead of starting its own. */
    public record External(String bootstrapServers, String mongoUriPrefix) {
    }

    public static StackConfig local(Path home, Path dataDir) {
        return new StackConfig(home, dataDir, MongoStore.JOURNAL, true, Ports.defaults(), Duration.ofMinutes(4), null,
                true, 1);
    }

    /** A stack for tests: free ports, no demo data, MongoDB kept as {@code store} says. */
    public static StackConfig forTests(Path home, Path dataDir, MongoStore store) {
        return new StackConfig(home, dataDir, store, false, Ports.free(), Duration.ofMinutes(4), null, false, 1);
    }

    public StackConfig withExternal(External infrastructure) {
        return new StackConfig(home, dataDir, store, demoData, ports, startTimeout, infrastructure, dashboard, instances);
    }

    public StackConfig withDashboard() {
        return new StackConfig(home, dataDir, store, demoData, ports, startTimeout, external, true, instances);
    }

    /** Runs {@code count} instances of each service (the dashboard and the authorization server stay single). */
    public StackConfig withInstances(int count) {
        return new StackConfig(home, dataDir, store, demoData, ports, startTimeout, external, dashboard, count);
    }

    public Path lib() {
        return home.resolve("lib");
    }

    public Path serviceJar(String name) {
        return home.resolve("services").resolve(name + ".jar");
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }
}
