package chibo.membership.member;

import chibo.contracts.Topics;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class MemberStoreConfiguration {

    @Bean
    AggregateStore<MemberState> memberStore(EventStore events, MongoTemplate mongo) {
        return new AggregateStore<>(events, Topics.MEMBERSHIP, mongo.getCollection("members"), MemberState.class,
                MemberLifecycle::apply);
    }
}
