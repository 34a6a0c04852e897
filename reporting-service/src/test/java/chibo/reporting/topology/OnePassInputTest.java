package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.member.MemberRecognized;
import chibo.testsupport.EventPublisher;
import chibo.testsupport.TestBroker;
import chibo.testsupport.TestEventKeys;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass build's input, read ahead of the fold on background threads, against the test JVM's broker: every
 * record of every source reaches the fold once, each subject's in the order written, the unreadable with the
 * reason the topology would dead-letter it for, and the ends it read to are the partitions' ends.
 */
class OnePassInputTest {

    private static final int SUBJECTS = 40;
    private static final int EVENTS_EACH = 30;

    @Test
    void every_record_reaches_the_fold_once_in_each_subjects_order_with_the_unreadable_named() throws Exception {
        String topic = "one-pass-input-" + UUID.randomUUID();
        String empty = topic + "-redrive";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(empty, 1, (short) 1)))
                    .all().get();
        }
        Map<String, List<Long>> written = new HashMap<>();
        try (EventPublisher publisher = new EventPublisher(TestBroker.bootstrapServers(), "/chibo/membership-service")) {
            for (int round = 0; round < EVENTS_EACH; round++) {
                for (int s = 0; s < SUBJECTS; s++) {
                    String member = "OPI-" + s;
                    EventEnvelope event = publisher.next(member, LocalDate.of(2020, 1, 1).plusDays(round), "CELL",
                            new MemberRecognized(LocalDate.of(2020, 1, 1).plusDays(round), null, null));
                    ProducerRecord<String, byte[]> signed = TestEventKeys.signed(event);
                    publisher.send(new ProducerRecord<>(topic, null, signed.key(), signed.value(), signed.headers()));
                    written.computeIfAbsent(member, m -> new ArrayList<>()).add(event.seq());
                }
                if (round == EVENTS_EACH / 2) {
                    publisher.send(new ProducerRecord<>(topic, "OPI-0", "not an event".getBytes(StandardCharsets.UTF_8)));
                }
            }
        }

        Map<String, List<Long>> folded = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        int chunks = 0;
        Map<TopicPartition, Long> ends;
        try (OnePassInput input = new OnePassInput("one-pass-input-test", Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers()), TestEventKeys.trusted(),
                List.of(new OnePassInput.Source(Topics.MEMBERSHIP, topic),
                        new OnePassInput.Source(Topics.MEMBERSHIP, empty)))) {
            for (OnePassInput.Chunk chunk = input.next(); chunk != null; chunk = input.next()) {
                chunks++;
                assertThat(chunk.topic()).isEqualTo(Topics.MEMBERSHIP);
                for (OnePassInput.Read read : chunk.reads()) {
                    if (read.event() == null) {
                        unreadable.add(read.unreadable());
                    } else {
                        folded.computeIfAbsent(read.event().subject(), m -> new ArrayList<>()).add(read.event().seq());
                    }
                }
            }
            ends = input.ends();
        }

        assertThat(folded).isEqualTo(written);
        assertThat(unreadable).hasSize(1).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(chunks).as("chunks of at most 500 records").isGreaterThanOrEqualTo(3);
        assertThat(ends.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum()).isEqualTo(SUBJECTS * EVENTS_EACH + 1);
        assertThat(ends).containsEntry(new TopicPartition(empty, 0), 0L);
    }
}
