package chibo.platform.threads;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param nice         the nice value the service's background threads run at (1–19), or 0 to leave every thread
 *                     at the service's own priority
 * @param threads      the beginnings of the names of this service's background threads, besides those of every
 *                     service (the outbox relay and its sweep, Kafka producers' network threads)
 * @param scanInterval how often new threads are looked for
 */
@ConfigurationProperties("chibo.background")
public record BackgroundProperties(Integer nice, List<String> threads, Duration scanInterval) {

    public BackgroundProperties {
        nice = nice == null ? 10 : nice;
        threads = threads == null ? List.of() : List.copyOf(threads);
        scanInterval = scanInterval == null ? Duration.ofSeconds(5) : scanInterval;
    }
}
