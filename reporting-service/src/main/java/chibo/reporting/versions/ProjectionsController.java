package chibo.reporting.versions;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds of the figures into a new projection version, their progress, the switch and the drop. The operator
 * changes them; the auditor only reads, so that whoever checks the figures cannot also change them.
 */
@RestController
@RequestMapping("/projections")
@PreAuthorize(ProjectionsController.READERS)
class ProjectionsController {

    static final String READERS = "hasAnyAuthority('" + Roles.AUDITOR + "', '" + Roles.OPERATOR + "')";
    static final String OPERATOR = "hasAuthority('" + Roles.OPERATOR + "')";

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final Projections projections;
    private final ScheduledExecutorService reporting = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionsController(Projections projections) {
        this.projections = projections;
    }

    /** The live version and every other, with progress. */
    @GetMapping
    Map<String, Object> all() {
        return Map.of("live", projections.live(), "versions", projections.all());
    }

    /** Starts a rebuild of every figure into {@code version}, from offset zero, beside the live version. */
    @PostMapping("/rebuilds")
    @PreAuthorize(OPERATOR)
    ResponseEntity<Projections.Progress> rebuild(@RequestBody Map<String, String> request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.rebuild(request.get("version"),
                Caller.current().subject()));
    }

    /**
     * Every rebuild, switch and drop, oldest first: who, when, which version was live before and after, and the
     * digests of the figures before and after.
     */
    @GetMapping("/actions")
    List<OperatorTrail.Entry> actions() {
        return projections.trail();
    }

    @GetMapping("/{version}")
    Projections.Progress progress(@PathVariable String version) {
        return projections.progress(version);
    }

    /** Progress as server-sent events ({@code progress}, every second) until the version has caught up. */
    @GetMapping(path = "/{version}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progressStream(@PathVariable String version) {
        projections.progress(version);
        SseEmitter emitter = new SseEmitter(Duration.ofHours(2).toMillis());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(reporting.scheduleWithFixedDelay(() -> {
            try {
                Projections.Progress progress = projections.progress(version);
                emitter.send(SseEmitter.event().name("progress").data(progress, MediaType.APPLICATION_JSON));
                if (progress.caughtUp() || progress.state() == Projections.State.DROPPED) {
                    emitter.complete();
                    task.get().cancel(false);
                }
            } catch (IOException | RuntimeException gone) {
                emitter.completeWithError(gone);
                task.get().cancel(false);
            }
        }, 0, PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        emitter.onCompletion(() -> task.get().cancel(false));
        emitter.onTimeout(() -> task.get().cancel(false));
        return emitter;
    }

    /** Figures that differ between the live version and this one. */
    @GetMapping("/{version}/differences")
    List<Projections.Difference> differences(@PathVariable String version) {
        projections.progress(version);
        return projections.differences(version);
    }

    /** Makes the version live once it has caught up and equals the live figures (or the differences are accepted). */
    @PostMapping("/{version}/switch")
    @PreAuthorize(OPERATOR)
    Projections.Switch switchTo(@PathVariable String version,
                                @RequestBody(required = false) Map<String, Object> request) {
        boolean accept = request != null && Boolean.TRUE.equals(request.get("acceptDifferences"));
        return projections.switchTo(version, accept, Caller.current().subject());
    }

    /** Drops a version that is not live: its topology, topics and collections. */
    @DeleteMapping("/{version}")
    @PreAuthorize(OPERATOR)
    ResponseEntity<Void> drop(@PathVariable String version) {
        projections.drop(version, Caller.current().subject());
        return ResponseEntity.noContent().build();
    }
}
