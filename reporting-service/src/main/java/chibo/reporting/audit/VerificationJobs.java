package chibo.reporting.audit;

import chibo.contracts.TrustedSigners;
import chibo.platform.security.Caller;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Whole-organisation verifications: each a job on a bounded executor (so a burst of requests cannot start more
 * full topic reads than the machine can carry; beyond the queue they are refused with 503), its state kept in
 * MongoDB by job id so that any instance can answer for it.
 */
@Component
class VerificationJobs implements DisposableBean {

    static final int MAX_LISTED = 100;
    private static final Logger log = LoggerFactory.getLogger(VerificationJobs.class);

    private final AuditStore store;
    private final Map<String, Object> kafkaConsumer;
    private final AuditProperties properties;
    private final Clock clock;
    private final TrustedSigners signers;
    private final ThreadPoolExecutor runners;

    VerificationJobs(AuditStore store, KafkaProperties kafka, AuditProperties properties, Clock clock,
                     TrustedSigners signers) {
        this.signers = signers;
        this.store = store;
        this.kafkaConsumer = kafka.buildConsumerProperties();
        this.properties = properties;
        this.clock = clock;
        this.runners = new ThreadPoolExecutor(properties.verificationJobs(), properties.verificationJobs(), 0,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, properties.queuedJobs())),
                Thread.ofPlatform().name("audit-verification-", 1).daemon(true).factory());
    }

    VerificationJob start(Caller caller, String orgId) {
        String jobId = UUID.randomUUID().toString();
        Date now = Date.from(clock.instant());
        store.jobs().insertOne(new Document("_id", jobId).append("orgId", orgId)
                .append("state", VerificationJob.State.QUEUED.name()).append("phase", "queued")
                .append("subjectsDone", 0L).append("recordsRead", 0L).append("brokenChains", 0L)
                .append("brokenLinks", List.of()).append("requestedBy", caller.subject())
                .append("createdAt", now).append("heartbeatAt", now));
        try {
            runners.execute(() -> run(jobId, orgId));
        } catch (RejectedExecutionException e) {
            store.jobs().deleteOne(Filters.eq("_id", jobId));
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                    "Too many verifications", "as many verifications as this instance takes are running or queued;"
                    + " try again later");
        }
        return find(jobId).orElseThrow();
    }

    Optional<VerificationJob> find(String jobId) {
        return Optional.ofNullable(store.jobs().find(Filters.eq("_id", jobId)).first())
                .map(job -> VerificationJob.of(job, clock.instant(), properties.jobStaleAfter()));
    }

    private void run(String jobId, String orgId) {
        update(jobId, Updates.set("state", VerificationJob.State.RUNNING.name()),
                Updates.set("startedAt", Date.from(clock.instant())));
        try {
            ChainRereader.Result result = new ChainRereader(kafkaConsumer, "chibo-audit-verification-" + jobId,
                    clock, signers).verify(orgId, (phase, total, done, records) -> update(jobId, Updates.set("phase", phase),
                    Updates.set("subjectsTotal", total), Updates.set("subjectsDone", done),
                    Updates.set("recordsRead", records)));
            if (!result.known()) {
                update(jobId, Updates.set("state", VerificationJob.State.FAILED.name()),
                        Updates.set("error", "organisation '" + orgId + "' is not on "
                                + EventStream.ORGANIZATION.topic()),
                        Updates.set("finishedAt", Date.from(clock.instant())));
                return;
            }
            List<Document> listed = result.broken().stream().limit(MAX_LISTED)
                    .map(chain -> VerificationJob.JobBrokenLink.of(chain).toDocument()).toList();
            update(jobId, Updates.set("state", VerificationJob.State.COMPLETED.name()),
                    Updates.set("subjectsTotal", result.subjects()), Updates.set("subjectsDone", result.subjects()),
                    Updates.set("brokenChains", (long) result.broken().size()), Updates.set("brokenLinks", listed),
                    Updates.set("signaturesHold", result.signaturesHold()),
                    Updates.set("refusedRecords", (long) result.refused().size()),
                    Updates.set("refused", result.refused().stream().limit(MAX_LISTED)
                            .map(ChainRereader.Refused::toDocument).toList()),
                    Updates.set("finishedAt", Date.from(clock.instant())));
        } catch (RuntimeException e) {
            log.error("verification {} of {} failed", jobId, orgId, e);
            update(jobId, Updates.set("state", VerificationJob.State.FAILED.name()),
                    Updates.set("error", String.valueOf(e.getMessage())),
                    Updates.set("finishedAt", Date.from(clock.instant())));
        }
    }

    private void update(String jobId, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.set("heartbeatAt", Date.from(clock.instant())));
        store.jobs().updateOne(Filters.eq("_id", jobId), Updates.combine(all));
    }

    @Override
    public void destroy() {
        runners.shutdownNow();
    }
}
