package chibo.reporting.search;

import chibo.reporting.figures.OrgFigures;
import chibo.reporting.versions.CountsWritten;
import chibo.reporting.versions.ProjectionNames;
import chibo.reporting.versions.Projections;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Projections.include;

/**
 * Keeps the {@link OrgNameIndex} of the live projection version: read once from the stored figures when the
 * instance starts (or a new version goes live), then told of every organisation's figures this instance stores.
 * Another instance's sink stores the figures of the organisations its stream tasks fold; each instance re-reads the
 * stored names every {@link #REREAD} in the background so that it learns of those too.
 */
@Component
class OrgSearch implements CountsWritten {

    private static final Logger log = LoggerFactory.getLogger(OrgSearch.class);
    static final Duration REREAD = Duration.ofMinutes(5);

    private final MongoDatabase database;
    private final Projections projections;
    private final Map<String, Loading> indexes = new ConcurrentHashMap<>();

    OrgSearch(MongoTemplate mongo, Projections projections) {
        this.database = mongo.getDb();
        this.projections = projections;
    }

    /** An index and whether its first read of the stored names is done; the sink's writes go in meanwhile. */
    private record Loading(OrgNameIndex index, CompletableFuture<OrgNameIndex> read) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void readOnStart() {
        loading(projections.live());
        ScheduledExecutorService rereading = Executors.newSingleThreadScheduledExecutor(runnable ->
                Thread.ofPlatform().daemon().name("org-names-reread").unstarted(runnable));
        rereading.scheduleWithFixedDelay(this::reread, REREAD.toMillis(), REREAD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reread() {
        String version = projections.live();
        Loading loading = indexes.get(version);
        try {
            if (loading != null && loading.read().isDone() && !loading.read().isCompletedExceptionally()) {
                read(version, loading.index());
            }
        } catch (RuntimeException e) {
            log.warn("organisation names of projection {} not re-read this time", version, e);
        }
    }

    /** The live version's index, once its stored names are read. */
    OrgNameIndex live() {
        return loading(projections.live()).read().join();
    }

    @Override
    public void written(String version, Collection<OrgFigures> written) {
        Loading loading = indexes.get(version);
        if (loading == null) {
            return;
        }
        for (OrgFigures organisation : written) {
            String level = organisation.level() == null ? null : organisation.level().name();
            if (loading.index().find(organisation.orgId()).filter(known -> known.name().equals(organisation.name())
                    && Objects.equals(known.level(), level) && Objects.equals(known.parentId(),
                    organisation.parentId()) && known.active() == organisation.active()).isPresent()) {
                // the upper levels' figures change with nearly every event, their names and places seldom
                continue;
            }
            loading.index().put(OrgNameIndex.Entry.of(organisation.orgId(), organisation.name(),
                    organisation.level() == null ? null : organisation.level().name(), organisation.parentId(),
                    organisation.active(), organisation.version()));
        }
    }

    /**
     * Registers the index before reading the stored names, so that a write landing while they are read is put in
     * too (the higher version wins either way).
     */
    private Loading loading(String version) {
        Loading known = indexes.get(version);
        if (known != null) {
            return known;
        }
        OrgNameIndex index = new OrgNameIndex();
        Loading fresh = new Loading(index, new CompletableFuture<>());
        Loading raced = indexes.putIfAbsent(version, fresh);
        if (raced != null) {
            return raced;
        }
        indexes.keySet().removeIf(other -> !other.equals(version));
        Thread.ofVirtual().name("org-names-" + version).start(() -> {
            try {
                read(version, index);
                fresh.read().complete(index);
            } catch (RuntimeException e) {
                log.warn("organisation names of projection {} not read; the next search tries again", version, e);
                indexes.remove(version, fresh);
                fresh.read().completeExceptionally(e);
            }
        });
        return fresh;
    }

    /** One pass over the version's stored totals, their names, levels, parents and versions only. */
    private void read(String version, OrgNameIndex index) {
        long started = System.nanoTime();
        for (Document organisation : database.getCollection(ProjectionNames.countsCollection(version)).find()
                .projection(include("name", "level", "parentId", "active", "version"))) {
            Object figuresVersion = organisation.get("version");
            index.put(OrgNameIndex.Entry.of(organisation.getString("_id"), organisation.getString("name"),
                    organisation.getString("level"), organisation.getString("parentId"),
                    organisation.getBoolean("active", true),
                    figuresVersion instanceof Number number ? number.longValue() : 0));
        }
        log.info("organisation names of projection {} read: {} in {} ms", version, index.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
