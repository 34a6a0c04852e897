package chibo.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** {@link ContainerDeadLetters} for a service that consumes through Spring Cloud Stream's Kafka binder. */
@AutoConfiguration
@ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
@EnableConfigurationProperties(ContainerDeadLettersAutoConfiguration.DeadLetterProperties.class)
public class ContainerDeadLettersAutoConfiguration {

    /**
     * @param containerGroups the consumer groups whose failed records their listener container retries and
     *                        dead-letters to {@code <topic>.<group>.dlt} (their bindings leave {@code enable-dlq}
     *                        off)
     */
    @ConfigurationProperties("chibo.dead-letters")
    public record DeadLetterProperties(List<String> containerGroups) {

        public DeadLetterProperties {
            containerGroups = containerGroups == null ? List.of() : List.copyOf(containerGroups);
        }
    }

    @Bean
    ContainerDeadLetters containerDeadLetters(KafkaProperties kafka, DeadLetterProperties properties,
                                              MeterRegistry meters) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        // the binder reads keys and values as bytes, and they are passed on as they came
        KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer,
                new ByteArraySerializer(), new ByteArraySerializer()));
        return new ContainerDeadLetters(deadLetters, new HashSet<>(properties.containerGroups()), meters);
    }
}
