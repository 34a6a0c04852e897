package chibo.reporting.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param consumerGroup       the archive's consumer group: its own, so it reads every topic from the beginning
 *                            whatever the projection does
 * @param listenerConcurrency archive consumers per instance (partitions are shared among them)
 * @param defaultPageSize     history entries per page when {@code size} is not given
 * @param maxPageSize         the largest {@code size} accepted
 * @param verificationJobs    verification jobs run at once per instance
 * @param queuedJobs          jobs that may wait for a runner before new ones are refused (503)
 * @param jobStaleAfter       a running job whose runner has not reported for this long is shown as abandoned
 */
@Validated
@ConfigurationProperties("chibo.audit")
public record AuditProperties(@NotBlank String consumerGroup, @Min(1) int listenerConcurrency,
                              @Min(1) int defaultPageSize, @Min(1) int maxPageSize, @Min(1) int verificationJobs,
                              @Min(0) int queuedJobs, @NotNull Duration jobStaleAfter) {

    public AuditProperties {
        if (consumerGroup == null) {
            consumerGroup = "chibo-reporting-audit";
        }
        if (listenerConcurrency == 0) {
            listenerConcurrency = 1;
        }
        if (defaultPageSize == 0) {
            defaultPageSize = 50;
        }
        if (maxPageSize == 0) {
            maxPageSize = 500;
        }
        if (verificationJobs == 0) {
            verificationJobs = 1;
        }
        if (queuedJobs == 0) {
            queuedJobs = 8;
        }
        if (jobStaleAfter == null) {
            jobStaleAfter = Duration.ofMinutes(2);
        }
    }
}
