package chibo.membership.duelist;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.member.MemberEvent;
import chibo.platform.projection.RecordBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Feeds the read models from the membership and organisation topics: only what this service signed. */
@Component
class ReadModelListener {

    private final DueLists dueLists;
    private final OrgChildren orgChildren;
    private final TrustedSigners signers;

    ReadModelListener(DueLists dueLists, OrgChildren orgChildren, TrustedSigners signers) {
        this.dueLists = dueLists;
        this.orgChildren = orgChildren;
        this.signers = signers;
    }

    /** A poll's records: the organisation events one by one (they are few), the membership events as a batch. */
    @KafkaListener(id = ReadModelConfiguration.GROUP, topics = {Topics.MEMBERSHIP, Topics.ORGANIZATION},
            containerFactory = "readModelListeners")
    void accept(List<ConsumerRecord<String, byte[]>> records) {
        RecordBatches.handle(records, record -> signers.read(record.topic(), record.headers(), record.value())
                .envelope(), this::acceptAll, this::acceptOne);
    }

    private void acceptAll(List<EventEnvelope> events) {
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
        if (event.payload() instanceof MemberEvent) {
            dueLists.accept(event);
        } else {
            orgChildren.accept(event);
        }
    }
}
