package chibo.system;

import chibo.contracts.Topics;
import chibo.localstack.LocalStack;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The flow on the local stack: the Kafka broker from the Apache Kafka jars, the embedded MongoDB-wire server. */
class LocalStackEndToEndTest extends EndToEndFlow {

    @TempDir
    static Path dataDir;

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(Stacks.inMemory(dataDir));
        registerCentralAndProvince(new Agency(stack));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    LocalStack stack() {
        return stack;
    }

    /** A forged decision: what anyone who reaches the broker could try to write as membership-service. */
    private static ProducerRecord<String, byte[]> forgedDeath() {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MEMBERSHIP, "TW-forged-member",
                "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "member.deceased.v1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static Map<String, Object> client(Map<String, Object> credentials) {
        Map<String, Object> config = new HashMap<>(credentials);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }

    private static void send(Map<String, Object> credentials) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client(credentials),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(forgedDeath()).get();
        }
    }

    @Test
    void the_broker_refuses_a_client_that_does_not_authenticate() {
        assertThatThrownBy(() -> send(Map.of()))
                .as("a plaintext client gets no answer from the SASL listener")
                .isInstanceOfAny(ExecutionException.class, org.apache.kafka.common.errors.TimeoutException.class);
    }

    @Test
    void the_broker_refuses_a_wrong_password() {
        Map<String, Object> wrong = new HashMap<>(stack.kafkaClientProperties(LocalStack.MEMBERSHIP));
        wrong.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"membership-service\" password=\"guessed\";");

        assertThatThrownBy(() -> send(wrong)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void another_service_cannot_write_membership_s_topic_but_reads_it() {
        assertThatThrownBy(() -> send(stack.kafkaClientProperties(LocalStack.MEETING)))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(stack.kafkaClientProperties(LocalStack.REPORTING)))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);

        Map<String, Object> reader = client(stack.kafkaClientProperties(LocalStack.REPORTING));
        reader.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(reader, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MEMBERSHIP, Duration.ofSeconds(10))
                    .stream().map(info -> new TopicPartition(Topics.MEMBERSHIP, info.partition())).toList();
            assertThat(consumer.endOffsets(partitions)).as("reporting reads the membership topic")
                    .hasSize(partitions.size());
        }
    }
}
