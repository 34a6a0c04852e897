package chibo.membership.duelist;

import chibo.contracts.EventEnvelope;
import chibo.contracts.CloudEventsKafka;
import chibo.contracts.member.MemberEvent;
import chibo.membership.organization.Occupants;
import chibo.platform.kafka.EventMessages;
import chibo.platform.tracing.EventTracing;
import org.springframework.messaging.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the read models from the membership and organisation topics (and the index of who was ever in each
 * organisation, {@link Occupants}). These are this service's own topics, and what it decides is checked against its
 * event store, not these views, so their records are not verified here: checking a signature on every record of a
 * large import would hold the due lists back by minutes. Bound as {@code readModels-in-0} (see
 * {@link ReadModelConfiguration}).
 */
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

    /**
     * A poll's records of both topics, in the order read: the organisation events one by one (they are few), the
     * membership events as a batch.
     */
    void accept(Message<List<byte[]>> poll) {
        EventMessages.handleBatch(tracing, ReadModelConfiguration.GROUP, poll,
                (headers, value) -> CloudEventsKafka.read(headers, value).envelope(),
                this::acceptAll, this::acceptOne);
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
