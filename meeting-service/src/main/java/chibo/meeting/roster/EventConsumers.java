package chibo.meeting.roster;

import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.platform.kafka.EventMessages;
import chibo.platform.orgtree.OrgTreeProjection;
import chibo.platform.tracing.EventTracing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/**
 * Spring Cloud Stream consumers (Kafka binder) of the membership and organisation topics. The membership events
 * come in batches (a poll's records at a time: the rosters they change are written once per batch); a record that
 * cannot be read, or is not signed by membership-service, goes to the binding's dead-letter topic with the reason
 * in its headers, and the consumer carries on (see {@link chibo.platform.kafka.ContainerDeadLetters}).
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    @Bean
    Consumer<Message<List<byte[]>>> memberEvents(Rosters rosters, TrustedSigners signers, EventTracing tracing) {
        return message -> EventMessages.handleBatch(tracing, DeadLetterTopics.ROSTERS_GROUP, message,
                (headers, value) -> signers.read(Topics.MEMBERSHIP, headers, value).envelope(),
                rosters::acceptAll, rosters::accept);
    }

    @Bean
    Consumer<Message<byte[]>> organizationEvents(OrgTreeProjection tree, TrustedSigners signers,
                                                 EventTracing tracing) {
        return message -> EventMessages.handle(tracing, "meeting-service-organizations", message,
                (headers, value) -> tree.accept(signers.read(Topics.ORGANIZATION, headers, value).envelope()));
    }
}
