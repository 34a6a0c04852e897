package chibo.membership.organization;

import chibo.contracts.Topics;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class OrganizationStoreConfiguration {

    static final int ORGANIZATION_STATE_FORMAT = 2;

    @Bean
    AggregateStore<Organization> organizationStore(EventStore events, MongoTemplate mongo) {
        // format 2: the state keeps the organisation's founding, moves and dissolution by effective date;
        // snapshots from before it lack them
        return new AggregateStore<>(events, Topics.ORGANIZATION, mongo.getCollection("organizations"),
                Organization.class, ORGANIZATION_STATE_FORMAT, Organization::apply);
    }
}
