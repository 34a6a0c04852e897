package chibo.meeting.roster;

import chibo.platform.orgtree.OrgTreeProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Spring Cloud Stream consumers (Kafka binder) of the membership and organisation topics. A record that cannot
 * be read goes to the binding's dead-letter topic with the reason in its headers; the consumer carries on.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    @Bean
    Consumer<Message<byte[]>> memberEvents(Rosters rosters) {
        return message -> {
            var event = EventMessages.read(message).envelope();
            var outcome = rosters.accept(event);
            log.debug("{} {} seq {}: {}", event.type(), event.subject(), event.seq(), outcome);
        };
    }

    @Bean
    Consumer<Message<byte[]>> organizationEvents(OrgTreeProjection tree) {
        return message -> tree.accept(EventMessages.read(message).envelope());
    }
}
