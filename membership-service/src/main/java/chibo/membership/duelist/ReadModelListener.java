package chibo.membership.duelist;

import chibo.contracts.EventEnvelope;
import chibo.contracts.CloudEventsKafka;
import chibo.contracts.Topics;
import chibo.contracts.member.MemberEvent;
import chibo.membership.organization.Occupants;
import chibo.platform.projection.RecordBatches;
import chibo.platform.tracing.EventTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the read models from the membership and organisation topics (and the index of who was ever in each
 * organisation, {@link Occupants}). These are this service's own topics, and what it decides is checked against its
 * event store, not these views, so their records are not verified here: checking a signature on every record of a
 * large import would hold the due lists back by minutes.
 */
@Component
class ReadModelListener {

    private final DueLists dueLists;
    private final OrgChildren orgChildren;
    private final Occupants occupants;
    private final EventTracing tracing;

    ReadModelListener(DueLists dueLists, OrgChildren orgChildren, Occupants occupants, EventTracing tracing) {
        this.dueLists = dueLists;
        this.orgChildren = orgChildren;
        this.occupants = occupants;
        this.tracing = tracing;
    }

    /** A poll's records: the organisation events one by one (they are few), the membership events as a batch. */
    @KafkaListener(id = ReadModelConfiguration.GROUP, topics = {Topics.MEMBERSHIP, Topics.ORGANIZATION},
            containerFactory = "readModelListeners")
    void accept(List<ConsumerRecord<String, byte[]>> records) {
        tracing.consuming(ReadModelConfiguration.GROUP, records, () -> RecordBatches.handle(records,
                record -> CloudEventsKafka.read(record.headers(), record.value()).envelope(),
                this::acceptAll, this::acceptOne));
    }

    private void acceptAll(List<EventEnvelope> events) {
        occupants.acceptAll(events);
        List<EventEnvelope> members = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            if (event.payload() instanceof MemberEvent) {
                members.add(event);
            } else {
                if (!members.isEmpty()) {
                    dueLists.acceptAll(members);
                    members.clear();
                }
                orgChildren.accept(event);
            }
        }
        if (!members.isEmpty()) {
            dueLists.acceptAll(members);
        }
    }

    private void acceptOne(EventEnvelope event) {
        occupants.acceptAll(List.of(event));
        if (event.payload() instanceof MemberEvent) {
            dueLists.accept(event);
        } else {
            orgChildren.accept(event);
        }
    }
}
