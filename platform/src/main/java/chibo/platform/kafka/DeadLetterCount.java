package chibo.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every service's one meter of records set aside as dead letters ({@value #COUNTER}), tagged with who set it aside
 * ({@code consumer}: a consumer group, or {@code reporting} for its topology) and the topic it was read from.
 */
public final class DeadLetterCount {

    public static final String COUNTER = "chibo.dead.letters";

    private DeadLetterCount() {
    }

    /** One record set aside by {@code consumer}, read from {@code topic}. */
    public static void count(MeterRegistry meters, String consumer, String topic) {
        // the name spelt out where the meter is built, where the compose check looks for what the alerts may use
        Counter.builder("chibo.dead.letters").description("records set aside as dead letters").tag("consumer", consumer)
                .tag("topic", topic).register(meters).increment();
    }
}
