package chibo.membership.duelist;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the read models from the membership and organisation topics. */
@Component
class ReadModelListener {

    private final DueLists dueLists;
    private final OrgChildren orgChildren;

    ReadModelListener(DueLists dueLists, OrgChildren orgChildren) {
        this.dueLists = dueLists;
        this.orgChildren = orgChildren;
    }

    @KafkaListener(id = ReadModelConfiguration.GROUP, topics = {Topics.MEMBERSHIP, Topics.ORGANIZATION},
            containerFactory = "readModelListeners")
    void accept(ConsumerRecord<String, byte[]> record) {
        var event = CloudEventsKafka.read(record.headers(), record.value()).envelope();
        if (record.topic().equals(Topics.MEMBERSHIP)) {
            dueLists.accept(event);
        } else {
            orgChildren.accept(event);
        }
    }
}
