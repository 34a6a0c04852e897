package chibo.meeting;

import chibo.testsupport.EventPublisher;
import chibo.testsupport.Http;
import chibo.testsupport.ServiceTestProperties;
import chibo.testsupport.TestEventKeys;
import chibo.testsupport.TestBroker;
import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.meeting.MeetingHeld;
import chibo.testsupport.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

/**
 * Base of the component tests: the whole service over real HTTP, consuming from the JVM's one real Kafka broker,
 * storing in the embedded MongoDB-wire server. Membership's events are published as membership-service would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MeetingComponentTest {

    @LocalServerPort
    int port;

    protected Http http;
    protected EventPublisher membership;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry, "meeting", TestEventKeys.MEETING);
        // the tests run the meeting-duty check themselves, on the days they choose
        registry.add("chibo.meetings.compliance.cron", () -> "-");
    }

    @BeforeEach
    void clients() {
        http = new Http("http://localhost:" + port);
        membership = new EventPublisher(TestBroker.bootstrapServers(), "/chibo/membership-service");
    }

    @AfterEach
    void close() {
        membership.close();
    }

    /**
     * The cell's events on the meeting topic up to and including the {@code meeting.held} of {@code markerMeetingId}
     * (events of one cell arrive in order, so everything published before the marker is among them).
     */
    protected static List<EventEnvelope> cellEventsThrough(String cellId, String markerMeetingId) {
        try (KafkaProbe probe = new KafkaProbe(TestBroker.bootstrapServers(), Topics.MEETING)) {
            return probe.awaitKey(cellId, records -> records.stream().map(MeetingComponentTest::envelope)
                            .anyMatch(e -> e.payload() instanceof MeetingHeld held
                                    && held.meetingId().equals(markerMeetingId)), Duration.ofSeconds(30))
                    .stream().map(MeetingComponentTest::envelope).toList();
        }
    }

    private static EventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        return CloudEventsKafka.read(record.headers(), record.value()).envelope();
    }
}
