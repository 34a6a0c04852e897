package chibo.meeting.organization;

import chibo.platform.orgtree.OrgTreeProjection;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** meeting-service's copy of the organisation tree, for subtree authorisation. */
@Configuration(proxyBeanMethods = false)
class OrgTreeConfiguration {

    @Bean
    OrgTreeProjection orgTree(MongoTemplate mongo, MeterRegistry meters) {
        return new OrgTreeProjection(mongo.getDb(), meters);
    }
}
