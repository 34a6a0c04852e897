package chibo.platform.eventstore;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * @param source        this service's CloudEvents source, e.g. {@code /chibo/membership-service}
 * @param topics        the topics this service writes; each has its own collection of events (the outbox)
 * @param relayBatch    most events the relay sends before it waits for the broker's acknowledgements
 * @param sweepInterval how often the relay looks for events left unpublished by a crashed instance; on the
 *                      embedded server this is a full scan, on MongoDB an index lookup
 * @param sweepMinAge   an unpublished event must be at least this old before a sweep takes it over
 */
@Validated
@ConfigurationProperties("chibo.event-store")
public record EventStoreProperties(
        @NotBlank String source,
        @NotEmpty List<String> topics,
        @Min(1) int relayBatch,
        @NotNull Duration sweepInterval,
        @NotNull Duration sweepMinAge) {

    public EventStoreProperties {
        if (relayBatch == 0) {
            relayBatch = 500;
        }
        if (sweepInterval == null) {
            sweepInterval = Duration.ofMinutes(1);
        }
        if (sweepMinAge == null) {
            sweepMinAge = Duration.ofSeconds(30);
        }
    }
}
