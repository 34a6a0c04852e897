package chibo.reporting.versions;

import chibo.platform.kafka.TopicsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean
    KafkaAdmin.NewTopics reportingTopics(ReportingProperties properties, TopicsProperties partitioning) {
        return new KafkaAdmin.NewTopics(VersionTopics.of(properties.topics(), partitioning)
                .toArray(new org.apache.kafka.clients.admin.NewTopic[0]));
    }
}
