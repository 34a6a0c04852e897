package chibo.platform.eventstore;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.EventSigner;
import chibo.platform.tracing.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import chibo.contracts.EventCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
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
 *
 * <p>With several instances, one subject's events may be stored by different instances, each relaying its own.
 * So that a subject's events still reach Kafka in seq order, an event is sent only once the event before it is
 * on Kafka (sent earlier in the same batch, or marked published in the store, whoever sent it); until then it is
 * held back and looked at again shortly. An event held back that another relay sends meanwhile is dropped, not
 * sent again. An event stored by an instance that died is sent by the next sweep of a live one.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final Duration HELD_RECHECK = Duration.ofMillis(200);
    private static final int REMEMBERED_SUBJECTS = 50_000;

    private final EventStore store;
    private final Producer<String, byte[]> producer;
    private final EventStoreProperties properties;
    private final Clock clock;
    private final EventSigner signer;
    private final LinkedBlockingDeque<EventEnvelope> queue = new LinkedBlockingDeque<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** Events waiting for the event before them to reach Kafka (another instance stores and sends that one). */
    private final ConcurrentLinkedDeque<EventEnvelope> held = new ConcurrentLinkedDeque<>();
    private long heldRecheckAt;
    /**
     * The last seq this relay saw acknowledged, per subject, for the most recently sent subjects: an event whose
     * predecessor is here needs no lookup (on one instance, that is nearly every event). Worker thread only.
     */
    private final Map<String, Long> lastSent = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_SUBJECTS;
        }
    };
    private final Counter published;
    private final Counter heldBack;
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
        this.heldBack = Counter.builder("chibo.outbox.held")
                .description("events held back until the event before them (stored by another instance) was on Kafka")
                .register(meters);
        Gauge.builder("chibo.outbox.lag", this, OutboxRelay::pending)
                .description("events stored but not yet acknowledged by Kafka").register(meters);
        store.onAppend(this::enqueue);
    }

    /** Queues the events not queued already; answers how many that was. */
    int enqueue(List<EventEnvelope> events) {
        int added = 0;
        for (EventEnvelope event : events) {
            if (queued.add(event.storageId())) {
                queue.addLast(event);
                added++;
            }
        }
        return added;
    }

    /** Events appended but not yet acknowledged by the broker. */
    public int pending() {
        return queue.size() + held.size();
    }

    /** Re-reads unpublished events older than {@code minAge} and queues those not queued already. */
    public int sweep(Duration minAge) {
        List<EventEnvelope> stragglers = store.unpublished(clock.instant().minus(minAge));
        int found = enqueue(stragglers);
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
                Set<String> recheck = takeHeldIfDue(batch);
                EventEnvelope first = recheck.isEmpty() ? queue.pollFirst(100, TimeUnit.MILLISECONDS)
                        : queue.pollFirst();
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, Math.max(0, properties.relayBatch() - batch.size()));
                }
                if (batch.isEmpty()) {
                    continue;
                }
                Ordered ordered = inSubjectOrder(batch, recheck);
                publish(ordered.ready());
                hold(ordered.heldBack());
                ordered.alreadySent().forEach(event -> queued.remove(event.storageId()));
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

    /** Moves the events held back into the batch once it is time to look at them again; answers their ids. */
    private Set<String> takeHeldIfDue(List<EventEnvelope> batch) {
        if (held.isEmpty() || System.nanoTime() - heldRecheckAt < 0) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        for (EventEnvelope event = held.pollFirst(); event != null; event = held.pollFirst()) {
            batch.add(event);
            ids.add(event.storageId());
        }
        return ids;
    }

    /**
     * The events of the batch that may be sent now: those whose previous event is on Kafka or sent before them in
     * this batch. The others (and every later event of their subjects) are held back; an event held back that
     * another relay has sent meanwhile is dropped.
     */
    private Ordered inSubjectOrder(List<EventEnvelope> batch, Set<String> recheck) {
        // events held back are taken before the queue's: an event swept in behind the one it precedes goes first
        batch.sort(Comparator.comparingLong(EventEnvelope::seq));
        Set<String> inBatch = new HashSet<>();
        batch.forEach(event -> inBatch.add(event.storageId()));
        Map<String, List<String>> lookups = new HashMap<>();
        for (EventEnvelope event : batch) {
            String topic = EventCatalog.topicOf(event.payload());
            if (event.seq() > 1 && !inBatch.contains(previousId(event)) && !sentHere(previousOf(event))) {
                lookups.computeIfAbsent(topic, t -> new ArrayList<>()).add(previousId(event));
            }
            if (recheck.contains(event.storageId())) {
                lookups.computeIfAbsent(topic, t -> new ArrayList<>()).add(event.storageId());
            }
        }
        if (lookups.isEmpty()) {
            return new Ordered(batch, List.of(), List.of());
        }
        Set<String> onKafka = store.outbox().publishedAmong(lookups);
        List<EventEnvelope> ready = new ArrayList<>(batch.size());
        List<EventEnvelope> waiting = new ArrayList<>();
        List<EventEnvelope> alreadySent = new ArrayList<>();
        Set<String> heldSubjects = new HashSet<>();
        for (EventEnvelope event : batch) {
            if (onKafka.contains(event.storageId())) {
                alreadySent.add(event);
            } else if (heldSubjects.contains(event.subject())
                    || event.seq() > 1 && !inBatch.contains(previousId(event)) && !sentHere(previousOf(event))
                    && !onKafka.contains(previousId(event))) {
                heldSubjects.add(event.subject());
                waiting.add(event);
            } else {
                ready.add(event);
            }
        }
        return new Ordered(ready, waiting, alreadySent);
    }

    /** A batch sorted out: what to send now, what waits for the event before it, what another relay sent. */
    private record Ordered(List<EventEnvelope> ready, List<EventEnvelope> heldBack, List<EventEnvelope> alreadySent) {
    }

    private void hold(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        events.forEach(held::addLast);
        heldBack.increment(events.size());
        heldRecheckAt = System.nanoTime() + HELD_RECHECK.toNanos();
    }

    private boolean sentHere(SubjectSeq event) {
        Long last = lastSent.get(event.subject());
        return last != null && last >= event.seq();
    }

    private record SubjectSeq(String subject, long seq) {
    }

    private static SubjectSeq previousOf(EventEnvelope event) {
        return new SubjectSeq(event.subject(), event.seq() - 1);
    }

    private static String previousId(EventEnvelope event) {
        return EventEnvelope.storageId(event.subject(), event.seq() - 1);
    }

    private void publish(List<EventEnvelope> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<EventTracing.Publication> publications = new ArrayList<>(batch.size());
        List<ProducerRecord<String, byte[]>> records = CloudEventsKafka.toRecords(batch, signer);
        for (int i = 0; i < batch.size(); i++) {
            EventEnvelope event = batch.get(i);
            ProducerRecord<String, byte[]> record = records.get(i);
            EventTracing.Publication publication = store.tracing().publishing(
                    store.outbox().traceparentOf(event.id()), record.topic(), event.type(), event.recordedAt());
            if (publication.traceparent() != null) {
                record.headers().add(EventTracing.HEADER, publication.traceparent().getBytes(StandardCharsets.US_ASCII));
            }
            publications.add(publication);
            acks.add(producer.send(record));
        }
        producer.flush();
        List<EventEnvelope> sent = new ArrayList<>(batch.size());
        List<EventEnvelope> unsent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Throwable failure = failureOf(acks.get(i));
            publications.get(i).end(clock.instant(), failure);
            if (failure == null) {
                sent.add(batch.get(i));
            } else {
                unsent.add(batch.get(i));
            }
        }
        store.outbox().markPublished(sent);
        store.outbox().forgetTraceparents(sent);
        sent.forEach(event -> {
            queued.remove(event.storageId());
            lastSent.merge(event.subject(), event.seq(), Math::max);
        });
        published.increment(sent.size());
        if (!unsent.isEmpty()) {
            failures.increment(unsent.size());
            requeueFront(unsent);
            pause();
        }
    }

    /** Null once the broker has the record; else why not. */
    private static Throwable failureOf(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            log.warn("Kafka did not acknowledge an event: {}", e.getCause().toString());
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
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
