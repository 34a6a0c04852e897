package chibo.reporting.versions;

import chibo.reporting.topology.ReportingTopics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param projectionVersion the projection version to serve when none has been switched to yet: its Kafka Streams
 *                          application id, internal topics and MongoDB collections all carry it
 * @param stateDir          where Kafka Streams keeps its local state stores (rebuilt from changelogs if lost)
 * @param commitInterval    how often the live version commits its results, which become visible then (exactly-once)
 * @param rebuildCommitInterval how often a version being built commits: longer, as nobody reads it yet and every
 *                              commit is a transaction to wait for; once live it runs at {@code commitInterval}
 * @param streamThreads     stream threads per version and instance: its tasks (one per partition) are shared among
 *                          them, so a version folds on as many cores
 * @param liveStreamsPerClient live-figure streams one client (token subject) may hold open at once
 * @param onePassBuild       whether a version being built is first folded in one pass and handed to its topology
 *                          ({@code OnePassBuild}), where it can be; else the topology builds it from offset zero
 * @param readyMaxLag       input events the live version may have left to count before the service says it is not
 *                          ready ({@code /actuator/health/readiness} out of service): its figures are then behind
 */
@Validated
@ConfigurationProperties("chibo.reporting")
public record ReportingProperties(@NotBlank String projectionVersion, @NotNull Path stateDir,
                                  @NotNull Duration commitInterval, @NotNull Duration rebuildCommitInterval,
                                  @Min(1) int streamThreads, @Min(0) Long readyMaxLag,
                                  @Min(1) Integer liveStreamsPerClient, Boolean onePassBuild) {

    public ReportingProperties {
        if (projectionVersion == null) {
            projectionVersion = "v1";
        }
        if (stateDir == null) {
            stateDir = Path.of(System.getProperty("java.io.tmpdir"), "chibo-reporting");
        }
        if (commitInterval == null) {
            commitInterval = Duration.ofMillis(100);
        }
        if (rebuildCommitInterval == null) {
            rebuildCommitInterval = Duration.ofSeconds(1);
        }
        if (streamThreads == 0) {
            streamThreads = 2;
        }
        if (readyMaxLag == null) {
            readyMaxLag = 50_000L;
        }
        if (liveStreamsPerClient == null) {
            liveStreamsPerClient = 8;
        }
        if (onePassBuild == null) {
            onePassBuild = true;
        }
    }

    public ReportingTopics topics() {
        return new ReportingTopics(projectionVersion);
    }
}
