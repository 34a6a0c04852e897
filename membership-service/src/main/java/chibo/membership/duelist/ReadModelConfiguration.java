package chibo.membership.duelist;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.Topics;
import chibo.membership.member.MemberState;
import chibo.membership.organization.Occupants;
import chibo.membership.rules.Regulations;
import chibo.platform.kafka.TopicsAutoConfiguration;
import chibo.platform.kafka.TopicsProperties;
import chibo.platform.projection.SubjectProjection;
import chibo.platform.tracing.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/**
 * membership-service reads its own topics back into its read models (due lists, the organisation tree
 * downwards): one Spring Cloud Stream batch binding, {@code readModels-in-0}, of both topics in one consumer
 * group (application.yml); at least once, applied once per subject and seq, unreadable records to
 * {@code <topic>.membership-service-read-models.dlt}.
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
        return TopicsAutoConfiguration.deadLetterTopics(properties, GROUP, Topics.MEMBERSHIP,
                Topics.ORGANIZATION);
    }

    @Bean
    ReadModelListener readModelListener(DueLists dueLists, OrgChildren orgChildren, Occupants occupants,
                                        EventTracing tracing) {
        return new ReadModelListener(dueLists, orgChildren, occupants, tracing);
    }

    @Bean
    Consumer<Message<List<byte[]>>> readModels(ReadModelListener listener) {
        return listener::accept;
    }
}
