package chibo.reporting.aggregates;

import chibo.platform.kafka.TopicsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean
    KafkaAdmin.NewTopics reportingTopics(ReportingProperties properties, TopicsProperties partitioning) {
        return ReportingStreams.topicsOf(properties.topics(), partitioning);
    }

    /** The live version's topic names, for listener annotations. */
    @Bean
    ReportingTopics reportingTopicNames(ReportingProperties properties) {
        return properties.topics();
    }
}
