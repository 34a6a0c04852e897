package chibo.membership.duelist;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.Topics;
import chibo.membership.consumers.ListenerContainers;
import chibo.membership.member.MemberState;
import chibo.membership.rules.Regulations;
import chibo.platform.kafka.TopicsProperties;
import chibo.platform.projection.SubjectProjection;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.List;

/**
 * membership-service reads its own topics back into its read models (due lists, the organisation tree
 * downwards): at least once, applied once per subject and seq, unreadable records to a dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    static final String GROUP = "membership-service-read-models";

    @Bean
    DueLists dueLists(MongoTemplate mongo, Regulations regulations, WorkingDayCalendar calendar,
                      MeterRegistry meters, List<SubjectProjection.SideEffects<MemberState>> followers) {
        return new DueLists(mongo, new DueItems(regulations, calendar), meters, followers);
    }

    @Bean
    OrgChildren orgChildren(MongoTemplate mongo, MeterRegistry meters) {
        return new OrgChildren(mongo, meters);
    }

    @Bean
    KafkaAdmin.NewTopics readModelDeadLetterTopics(TopicsProperties properties) {
        return ListenerContainers.deadLetterTopics(properties, GROUP, Topics.MEMBERSHIP, Topics.ORGANIZATION);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> readModelListeners(KafkaProperties kafka) {
        return ListenerContainers.batchesAtLeastOnce(kafka, GROUP);
    }
}
