package chibo.reporting.query;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.web.ProblemException;
import chibo.reporting.versions.ReportingProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live figures over server-sent events: the organisation's summary at once, then again whenever its figures change
 * (event {@code figures}, id = the figures' version). Each subscription watches the stored figures by id, so it
 * works whichever instance materialised them; a comment line every 15 seconds keeps proxies from closing it.
 * A client (a token's subject) holds at most {@code chibo.reporting.live-streams-per-client} streams at once (more
 * is 429), and a stream ends when the token it was opened with expires (event {@code token-expired}): figures are
 * not sent on to a caller whose right to read them is no longer checked.
 */
@RestController
class LiveFigures implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveFigures.class);
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final long KEEP_ALIVE_POLLS = 30;

    private final Summaries summaries;
    private final OrgFiguresReader figures;
    private final int perClient;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-figures");
        thread.setDaemon(true);
        return thread;
    });

    LiveFigures(Summaries summaries, OrgFiguresReader figures, MeterRegistry meters, ReportingProperties properties) {
        this.summaries = summaries;
        this.figures = figures;
        this.perClient = properties.liveStreamsPerClient();
        Gauge.builder("chibo.live.subscriptions", subscriptions, Set::size)
                .description("server-sent event subscriptions to live figures").register(meters);
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @GetMapping(path = "/organizations/{orgId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyAuthority('" + Roles.DASHBOARD_READER + "', '" + Roles.AUDITOR + "', '"
            + Roles.AGENCY_WRITER + "')")
    SseEmitter live(@PathVariable String orgId) throws IOException {
        Caller caller = Caller.current();
        OrgFiguresView counts = summaries.readable(caller, orgId);
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Subscription subscription = new Subscription(orgId, emitter, caller.subject(), Caller.tokenExpiresAt());
        synchronized (subscriptions) {
            long held = subscriptions.stream().filter(s -> s.client.equals(caller.subject())).count();
            if (held >= perClient) {
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many live streams",
                        "this client holds " + held + " live streams, the most it may hold at once; close one first");
            }
            subscriptions.add(subscription);
        }
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> subscriptions.remove(subscription));
        emitter.onError(error -> subscriptions.remove(subscription));
        try {
            subscription.send(counts);
        } catch (IOException | RuntimeException e) {
            subscriptions.remove(subscription);
            throw e;
        }
        return emitter;
    }

    private void poll() {
        Instant now = Instant.now();
        for (Subscription subscription : subscriptions) {
            try {
                if (subscription.expiresAt != null && !now.isBefore(subscription.expiresAt)) {
                    subscriptions.remove(subscription);
                    subscription.emitter.send(SseEmitter.event().name("token-expired")
                            .data("the token this stream was opened with has expired; open it again with a new one"));
                    subscription.emitter.complete();
                    continue;
                }
                figures.find(subscription.orgId).ifPresent(counts -> {
                    if (counts.version() != subscription.lastVersion) {
                        subscription.sendQuietly(counts);
                    }
                });
                if (++subscription.polls % KEEP_ALIVE_POLLS == 0) {
                    subscription.emitter.send(SseEmitter.event().comment("keep-alive"));
                }
            } catch (IOException | IllegalStateException gone) {
                subscriptions.remove(subscription);
            } catch (RuntimeException e) {
                log.warn("live figures of {} not sent", subscription.orgId, e);
            }
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        subscriptions.forEach(subscription -> subscription.emitter.complete());
    }

    private final class Subscription {
        private final String orgId;
        private final SseEmitter emitter;
        private final String client;
        private final Instant expiresAt;
        private volatile long lastVersion = -1;
        private long polls;

        Subscription(String orgId, SseEmitter emitter, String client, Instant expiresAt) {
            this.orgId = orgId;
            this.emitter = emitter;
            this.client = client;
            this.expiresAt = expiresAt;
        }

        void send(OrgFiguresView counts) throws IOException {
            emitter.send(SseEmitter.event().name("figures").id(Long.toString(counts.version()))
                    .data(summaries.summary(counts, null), MediaType.APPLICATION_JSON));
            lastVersion = counts.version();
        }

        void sendQuietly(OrgFiguresView counts) {
            try {
                send(counts);
            } catch (IOException | IllegalStateException gone) {
                subscriptions.remove(this);
            }
        }
    }
}
