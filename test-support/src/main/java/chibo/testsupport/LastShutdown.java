package chibo.testsupport;

import java.time.Duration;

/**
 * Shuts down a test JVM's shared infrastructure (the broker, the MongoDB-wire server) after the Spring contexts.
 * The JVM runs its shutdown hooks all at once: a context still closing (Kafka Streams, listener containers, a sink
 * writing to MongoDB) must find the broker and the database up, or each client waits out its own timeout and the
 * test JVM outlives Surefire's patience.
 */
final class LastShutdown {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private LastShutdown() {
    }

    static void register(String name, Runnable shutdown) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitSpringShutdownHooks();
            shutdown.run();
        }, name));
    }

    /** Spring names its hooks {@code SpringApplicationShutdownHook} and {@code SpringContextShutdownHook}. */
    private static void awaitSpringShutdownHooks() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("Spring") && thread.getName().endsWith("ShutdownHook")) {
                try {
                    thread.join(PATIENCE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
