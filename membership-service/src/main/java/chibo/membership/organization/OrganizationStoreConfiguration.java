package chibo.membership.organization;

import chibo.contracts.Topics;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class OrganizationStoreConfiguration {

    @Bean
    AggregateStore<Organization> organizationStore(EventStore events, MongoTemplate mongo) {
        return new AggregateStore<>(events, Topics.ORGANIZATION, mongo.getCollection("organizations"),
                Organization.class, Organization::apply);
    }
}
