package chibo.localstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param home       the directory holding {@code lib/} (the broker's classpath) and {@code services/} (the
 *                   services' jars): {@code local-stack/target} after a build
 * @param dataDir    everything the stack stores: broker log, MongoDB file, signing key, Streams state, logs
 * @param persistent MongoDB on the H2 file backend (data survives restarts) rather than in memory
 * @param demoData   load the demo province when the store is empty
 * @param ports      where each process listens
 * @param external   Kafka and MongoDB run elsewhere (e.g. in containers); the stack starts only its services
 */
public record StackConfig(Path home, Path dataDir, boolean persistent, boolean demoData, Ports ports,
                          Duration startTimeout, External external) {

    /** Kafka and MongoDB the stack should use instead of starting its own. */
    public record External(String bootstrapServers, String mongoUriPrefix) {
    }

    public static StackConfig local(Path home, Path dataDir) {
        return new StackConfig(home, dataDir, true, true, Ports.defaults(), Duration.ofMinutes(4), null);
    }

    /** A stack for tests: free ports, no demo data, MongoDB in memory unless {@code persistent}. */
    public static StackConfig forTests(Path home, Path dataDir, boolean persistent) {
        return new StackConfig(home, dataDir, persistent, false, Ports.free(), Duration.ofMinutes(4), null);
    }

    public StackConfig withExternal(External infrastructure) {
        return new StackConfig(home, dataDir, persistent, demoData, ports, startTimeout, infrastructure);
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
