package chibo.reporting.audit;

import chibo.contracts.Topics;
import chibo.platform.tracing.EventTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads the three event topics, from the beginning, into the audit archive. */
@Component
class ArchiveListener {

    private final ArchiveWriter writer;
    private final EventTracing tracing;

    ArchiveListener(ArchiveWriter writer, EventTracing tracing) {
        this.writer = writer;
        this.tracing = tracing;
    }

    // not a Spring Cloud Stream binding: the archive keeps each record as evidence, exactly as Kafka delivered it
    // idIsGroup = false: the group is the factory's (chibo.audit.consumer-group), not the listener id
    @KafkaListener(id = "audit-archive", topics = {Topics.ORGANIZATION, Topics.MEMBERSHIP, Topics.MEETING},
            containerFactory = "auditListeners", idIsGroup = false, batch = "true")
    void archive(List<ConsumerRecord<String, byte[]>> records) {
        tracing.consuming("audit-archive", records, () -> writer.write(records));
    }
}
