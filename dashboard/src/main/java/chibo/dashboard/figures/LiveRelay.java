package chibo.dashboard.figures;

import chibo.dashboard.DashboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Live figures for a page: reporting-service's stream of an organisation's summary, opened with the reader's own token
 * on this server and passed on to the browser event by event (the browser never holds the token). When reporting
 * ends the stream (the token expired, the service restarts) the browser's stream ends too, and the browser opens it
 * again — with a fresh token, as the page's session refreshes it. Closing the page closes the stream to reporting.
 */
@Component
public class LiveRelay {

    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final String reportingUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LiveRelay(DashboardProperties properties) {
        this.reportingUrl = properties.reportingUrl();
    }

    /** Opens the organisation's stream at reporting-service and relays it; refused or unreachable, the emitter fails. */
    public SseEmitter relay(String token, String orgId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        AtomicReference<InputStream> upstream = new AtomicReference<>();
        Runnable close = () -> {
            InputStream open = upstream.getAndSet(null);
            if (open != null) {
                try {
                    open.close();
                } catch (IOException ignored) {
                    // the stream is gone either way
                }
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        Thread.ofVirtual().name("live-" + orgId).start(() -> pass(token, orgId, emitter, upstream));
        return emitter;
    }

    /** Where parsed events go. */
    @FunctionalInterface
    interface Sink {
        void send(String name, String id, String data) throws IOException;
    }

    /**
     * Reads server-sent events line by line (the {@code text/event-stream} format): {@code event:}, {@code id:} and
     * {@code data:} fields up to a blank line make one event; comments (keep-alives) and events without a name or
     * data are dropped; the data of several {@code data:} lines is joined by line breaks.
     */
    static void events(Iterator<String> lines, Sink sink) throws IOException {
        String event = null;
        String id = null;
        StringBuilder data = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (event != null && data != null) {
                    sink.send(event, id, data.toString());
                }
                event = null;
                id = null;
                data = null;
            } else if (line.startsWith("event:")) {
                event = field(line, 6);
            } else if (line.startsWith("id:")) {
                id = field(line, 3);
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder(field(line, 5)) : data.append('\n').append(field(line, 5));
            }
        }
    }

    /** A field's value: after its colon, less one leading space. */
    private static String field(String line, int colonEnd) {
        String value = line.substring(colonEnd);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private void pass(String token, String orgId, SseEmitter emitter, AtomicReference<InputStream> upstream) {
        try {
            HttpRequest request = HttpRequest.newBuilder(UriComponentsBuilder.fromUriString(reportingUrl)
                            .path("/organizations/{orgId}/live").buildAndExpand(orgId).toUri())
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            upstream.set(response.body());
            if (response.statusCode() != 200) {
                response.body().close();
                emitter.send(SseEmitter.event().name("refused").data(Integer.toString(response.statusCode())));
                emitter.complete();
                return;
            }
            try (Stream<String> lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(),
                    java.nio.charset.StandardCharsets.UTF_8)).lines()) {
                events(lines.iterator(), (name, id, data) -> {
                    SseEmitter.SseEventBuilder passed = SseEmitter.event().name(name).data(data);
                    emitter.send(id == null ? passed : passed.id(id));
                });
            }
            emitter.complete();
        } catch (IOException | RuntimeException e) {
            log.debug("live figures of {} ended: {}", orgId, e.toString());
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }
}
