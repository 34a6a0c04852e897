package chibo.platform.eventstore;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventSigner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes stored events to Kafka and marks them published. Fed in-process by the {@link EventStore} as events
 * are appended (so no query is on the hot path), it sends them in append order, which is per-subject seq order,
 * with an idempotent producer keyed by subject. At start-up, before the service takes requests, it picks up
 * anything a previous run left unpublished; a periodic sweep picks up what a crashed instance left behind.
 * Delivery is at least once: consumers are idempotent by (subject, seq). Every record is signed with this service's
 * key, so that consumers can tell chibo's events from anyone else's writes.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final EventStore store;
    private final Producer<String, byte[]> producer;
    private final EventStoreProperties properties;
    private final Clock clock;
    private final EventSigner signer;
    private final LinkedBlockingDeque<EventEnvelope> queue = new LinkedBlockingDeque<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;
    private ScheduledExecutorService sweeper;

    public OutboxRelay(EventStore store, Producer<String, byte[]> producer, EventStoreProperties properties,
                       Clock clock, MeterRegistry meters, EventSigner signer) {
        this.store = store;
        this.signer = signer;
        this.producer = producer;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("chibo.outbox.published").description("events published to Kafka")
                .register(meters);
        this.failures = Counter.builder("chibo.outbox.publish.failures")
                .description("publish attempts the broker did not acknowledge; retried").register(meters);
        Gauge.builder("chibo.outbox.lag", queue, LinkedBlockingDeque::size)
                .description("events stored but not yet acknowledged by Kafka").register(meters);
        store.onAppend(this::enqueue);
    }

    void enqueue(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            if (queued.add(event.storageId())) {
                queue.addLast(event);
            }
        }
    }

    /** Events appended but not yet acknowledged by the broker. */
    public int pending() {
        return queue.size();
    }

    /** Re-reads unpublished events older than {@code minAge} and queues those not queued already. */
    public int sweep(Duration minAge) {
        List<EventEnvelope> stragglers = store.unpublished(clock.instant().minus(minAge));
        int before = queue.size();
        enqueue(stragglers);
        int found = queue.size() - before;
        if (found > 0) {
            log.info("outbox sweep queued {} unpublished events", found);
        }
        return found;
    }

    @Override
    public void start() {
        sweep(Duration.ZERO);
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relayLoop);
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("outbox-sweep")
                .daemon().unstarted(r));
        long interval = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::safeSweep, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void safeSweep() {
        try {
            sweep(properties.sweepMinAge());
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed; it will run again", e);
        }
    }

    private void relayLoop() {
        List<EventEnvelope> batch = new ArrayList<>(properties.relayBatch());
        while (running || !queue.isEmpty()) {
            try {
                EventEnvelope first = queue.pollFirst(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.relayBatch() - 1);
                publish(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("outbox relay failed on a batch of {}; retrying", batch.size(), e);
                requeueFront(batch);
                pause();
            } finally {
                batch.clear();
            }
        }
    }

    private void publish(List<EventEnvelope> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (EventEnvelope event : batch) {
            acks.add(producer.send(CloudEventsKafka.toRecord(event, signer)));
        }
        producer.flush();
        List<EventEnvelope> sent = new ArrayList<>(batch.size());
        List<EventEnvelope> unsent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (acknowledged(acks.get(i))) {
                sent.add(batch.get(i));
            } else {
                unsent.add(batch.get(i));
            }
        }
        store.markPublished(sent);
        sent.forEach(event -> queued.remove(event.storageId()));
        published.increment(sent.size());
        if (!unsent.isEmpty()) {
            failures.increment(unsent.size());
            requeueFront(unsent);
            pause();
        }
    }

    private boolean acknowledged(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return true;
        } catch (ExecutionException e) {
            log.warn("Kafka did not acknowledge an event: {}", e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void requeueFront(List<EventEnvelope> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            queue.addFirst(events.get(i));
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server (which takes requests) and stops after it. */
    @Override
    public int getPhase() {
        return 0;
    }
}
