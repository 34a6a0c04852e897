package chibo.platform.kafka;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param partitions partitions of each event topic: the unit of parallelism (members, cells and organisations
 *                   spread over them by key)
 * @param replicas   replication factor; 1 on a single broker, 3 in production
 */
@Validated
@ConfigurationProperties("chibo.topics")
public record TopicsProperties(@Min(1) int partitions, @Min(1) short replicas) {

    public TopicsProperties {
        if (partitions == 0) {
            partitions = 6;
        }
        if (replicas == 0) {
            replicas = 1;
        }
    }
}
