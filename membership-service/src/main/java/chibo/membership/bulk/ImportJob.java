package chibo.membership.bulk;

import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * An import's progress: lines done of total, and how they ended. {@code etaSeconds} extrapolates from the rate so
 * far.
 */
public record ImportJob(String id, State state, long total, long done, int percent, long accepted, long duplicate,
                        long rejected, Instant createdAt, Instant startedAt, Instant finishedAt, Long etaSeconds,
                        String error) {

    public enum State {
        QUEUED, RUNNING, DONE,
        /** The job could not go on (its store failed); {@code error} says why. Lines done so far are counted. */
        FAILED
    }

    static ImportJob of(Document job, Instant now) {
        long total = job.getLong("total");
        long done = ((Number) job.get("done")).longValue();
        Instant started = instant(job, "startedAt");
        Long eta = null;
        if (started != null && done > 0 && done < total) {
            double perLine = (double) Duration.between(started, now).toMillis() / done;
            eta = Math.round(perLine * (total - done) / 1000);
        }
        return new ImportJob(job.getString("_id"), State.valueOf(job.getString("state")), total, done,
                total == 0 ? 100 : (int) (100 * done / total), ((Number) job.get("accepted")).longValue(),
                ((Number) job.get("duplicate")).longValue(), ((Number) job.get("rejected")).longValue(),
                instant(job, "createdAt"), started, instant(job, "finishedAt"), eta, job.getString("error"));
    }

    private static Instant instant(Document job, String field) {
        Date date = job.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
