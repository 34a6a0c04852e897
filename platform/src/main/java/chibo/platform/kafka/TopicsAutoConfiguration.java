package chibo.platform.kafka;

import chibo.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Arrays;

/**
 * Declares the three event topics, keeping their full history ({@code retention.ms=-1}). Every service declares
 * them, so whichever starts first creates them; Spring's {@link KafkaAdmin} leaves existing topics alone.
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicsProperties.class)
public class TopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics chiboEventTopics(TopicsProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(name -> eventTopic(name, properties))
                .toArray(NewTopic[]::new));
    }

    /** A consumer group's dead-letter topics ({@code <topic>.<group>.dlt}), one per topic it reads. */
    public static KafkaAdmin.NewTopics deadLetterTopics(TopicsProperties properties, String group,
                                                        String... topics) {
        return new KafkaAdmin.NewTopics(Arrays.stream(topics)
                .map(topic -> eventTopic(Topics.deadLetter(topic, group), properties))
                .toArray(NewTopic[]::new));
    }

    public static NewTopic eventTopic(String name, TopicsProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .config("retention.ms", "-1")
                .build();
    }
}
