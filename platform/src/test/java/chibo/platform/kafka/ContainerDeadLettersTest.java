package chibo.platform.kafka;

import chibo.contracts.InvalidEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerDeadLettersTest {

    private static final String GROUP = "membership-service-read-models";

    private static final String ROSTERS_DEAD_LETTERS = "party.membership.events.meeting-service-rosters.dlt";

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ContainerDeadLetters deadLetters = new ContainerDeadLetters(new KafkaTemplate<>(() -> producer),
            Set.of(GROUP), meters);

    private static ConcurrentMessageListenerContainer<byte[], byte[]> container() {
        return new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of()),
                new ContainerProperties("party.membership.events"));
    }

    private static ExtendedConsumerProperties<KafkaConsumerProperties> binding(boolean batch) {
        var properties = new ExtendedConsumerProperties<>(new KafkaConsumerProperties());
        properties.setBatchMode(batch);
        properties.setMaxAttempts(3);
        properties.setRetryableExceptions(Map.of(InvalidEventException.class, false));
        return properties;
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic) {
        return new ConsumerRecord<>(topic, 4, 17, "m-1".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** The dead letters counted for the consumer group from the topic; null when none was. */
    private Counter counted(String group, String topic) {
        return meters.find(DeadLetterCount.COUNTER).tag("consumer", group).tag("topic", topic).counter();
    }

    @Test
    void a_record_of_a_listed_group_that_cannot_be_read_goes_at_once_to_its_own_topics_dead_letters_with_its_reason() {
        var container = container();
        deadLetters.configure(container, "party\\.(membership|organization)\\.events", GROUP, null,
                new FixedBackOff(500, 2), binding(false));
        CommonErrorHandler errors = container.getCommonErrorHandler();
        var record = record("party.organization.events");

        boolean recovered = errors.handleOne(new ListenerExecutionFailedException("listener failed",
                new InvalidEventException("unsigned: the record has no ce_signer header")), record,
                new MockConsumer<>("earliest"), container);

        assertThat(recovered).as("not retried: it can never be read").isTrue();
        ProducerRecord<byte[], byte[]> dead = producer.history().getFirst();
        assertThat(dead.topic()).isEqualTo("party.organization.events." + GROUP + ".dlt");
        assertThat(dead.partition()).as("placed by its key, as any record").isNull();
        assertThat(dead.key()).isEqualTo(record.key());
        assertThat(dead.value()).isEqualTo(record.value());
        assertThat(new String(dead.headers().lastHeader(DeadLetterRecoverers.REASON_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("unsigned: the record has no ce_signer header");
        assertThat(counted(GROUP, "party.organization.events").count()).isEqualTo(1.0);
        assertThat(counted(GROUP, "party.membership.events")).as("only the topic it came from").isNull();
        assertThat(deadLetters.retryAndDlqInBinding("party.organization.events", GROUP)).isFalse();
    }

    @Test
    void a_record_that_may_succeed_later_is_tried_as_often_as_the_binding_says_before_it_is_dead_lettered() {
        var container = container();
        deadLetters.configure(container, "party.meeting.events", GROUP, null, new FixedBackOff(0, 2),
                binding(false));
        CommonErrorHandler errors = container.getCommonErrorHandler();
        var record = record("party.meeting.events");
        var consumer = new MockConsumer<byte[], byte[]>("earliest");
        var failure = new ListenerExecutionFailedException("listener failed", new IllegalStateException("busy"));

        assertThat(errors.handleOne(failure, record, consumer, container)).isFalse();
        assertThat(errors.handleOne(failure, record, consumer, container)).isFalse();
        assertThat(producer.history()).isEmpty();
        assertThat(counted(GROUP, "party.meeting.events")).as("a retry is no dead letter").isNull();
        assertThat(errors.handleOne(failure, record, consumer, container)).isTrue();
        assertThat(producer.history()).singleElement()
                .satisfies(dead -> assertThat(dead.topic()).isEqualTo("party.meeting.events." + GROUP + ".dlt"));
        assertThat(counted(GROUP, "party.meeting.events").count()).isEqualTo(1.0);
    }

    @Test
    void a_dead_letter_kafka_did_not_take_is_not_counted_and_the_record_is_not_given_up() {
        var container = container();
        deadLetters.configure(container, "party.meeting.events", GROUP, null, null, binding(false));
        producer.sendException = new KafkaException("the broker is unreachable");

        boolean recovered = container.getCommonErrorHandler().handleOne(new ListenerExecutionFailedException(
                "listener failed", new InvalidEventException("unsigned")), record("party.meeting.events"),
                new MockConsumer<>("earliest"), container);

        assertThat(recovered).as("read again, to be dead-lettered once the broker takes it").isFalse();
        assertThat(counted(GROUP, "party.meeting.events")).isNull();
    }

    @Test
    void a_batch_binding_with_the_binders_dead_letters_is_dead_lettered_by_its_container_to_its_dlq_name() {
        var container = container();
        TopicPartition named = new TopicPartition(ROSTERS_DEAD_LETTERS, 4);
        deadLetters.configure(container, "party.membership.events", "meeting-service-rosters",
                (record, failure) -> named, null, binding(true));
        // the dead-letter topic has six partitions, as the event topics do
        var consumer = new MockConsumer<byte[], byte[]>("earliest");
        consumer.updatePartitions(ROSTERS_DEAD_LETTERS, IntStream.range(0, 6)
                .mapToObj(partition -> new PartitionInfo(ROSTERS_DEAD_LETTERS, partition, null, null, null)).toList());

        container.getCommonErrorHandler().handleOne(new ListenerExecutionFailedException("listener failed",
                new InvalidEventException("bad-signature")), record("party.membership.events"), consumer, container);

        assertThat(producer.history()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(named.topic());
            assertThat(dead.partition()).isEqualTo(named.partition());
        });
        assertThat(counted("meeting-service-rosters", "party.membership.events").count()).isEqualTo(1.0);
    }

    @Test
    void any_other_binding_keeps_the_binders_own_retry_and_dead_letters() {
        var container = container();
        CommonErrorHandler before = container.getCommonErrorHandler();
        deadLetters.configure(container, "party.organization.events", "meeting-service-org-tree",
                (record, failure) -> new TopicPartition("elsewhere", 0), new FixedBackOff(0, 2), binding(false));

        assertThat(container.getCommonErrorHandler()).isSameAs(before);
        assertThat(deadLetters.retryAndDlqInBinding("party.organization.events", "meeting-service-org-tree"))
                .isTrue();
    }
}
