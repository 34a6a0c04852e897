package chibo.membership.member;

import chibo.contracts.Topics;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class MemberStoreConfiguration {

    static final int MEMBER_STATE_FORMAT = 3;

    @Bean
    AggregateStore<MemberState> memberStore(EventStore events, MongoTemplate mongo) {
        // format 2: the state keeps the member's timeline in effective time; format 3: and where the member lived;
        // snapshots from before either lack them
        return new AggregateStore<>(events, Topics.MEMBERSHIP, mongo.getCollection("members"), MemberState.class,
                MEMBER_STATE_FORMAT, MemberLifecycle::apply);
    }
}
