package chibo.testsupport;

import java.time.Duration;
import java.util.List;

/**
 * Shuts down a test JVM's shared infrastructure (the broker, the MongoDB-wire server) after the Spring contexts.
 * The JVM runs its shutdown hooks all at once: a context still closing (Kafka Streams, listener containers, a sink
 * writing to MongoDB) must find the broker and the database up, or each client waits out its own timeout and the
 * test JVM outlives Surefire's patience.
 */
final class LastShutdown {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration HOOKS_START_WITHIN = Duration.ofMillis(300);

    private LastShutdown() {
    }

    static void register(String name, Runnable shutdown) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitSpringShutdownHooks();
            shutdown.run();
        }, name));
    }

    /**
     * The JVM starts every hook thread one after the other, so a Spring hook may not have started yet when this one
     * looks: it keeps looking for a moment before it trusts that there is none. Spring names its hooks
     * {@code SpringApplicationShutdownHook} and {@code SpringContextShutdownHook}.
     */
    private static boolean isSpringHook(Thread thread) {
        return thread.getName().startsWith("Spring") && thread.getName().endsWith("ShutdownHook");
    }

    private static void awaitSpringShutdownHooks() {
        long lookUntil = System.nanoTime() + HOOKS_START_WITHIN.toNanos();
        long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < giveUpAt) {
            List<Thread> springHooks = Thread.getAllStackTraces().keySet().stream()
                    .filter(LastShutdown::isSpringHook).toList();
            if (springHooks.isEmpty() && System.nanoTime() > lookUntil) {
                return;
            }
            try {
                for (Thread hook : springHooks) {
                    hook.join(Duration.ofNanos(Math.max(1, giveUpAt - System.nanoTime())));
                }
                if (springHooks.isEmpty()) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
