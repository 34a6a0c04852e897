package chibo.membership.review;

import chibo.contracts.InvalidEventException;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.platform.tracing.EventTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Opens a removal review when meeting-service reports that a member reached the threshold of unexcused absences.
 * Every other meeting fact (meetings held and graded, cell ratings, breaches, and types added later) is not
 * membership's business and is passed over unread; a record without a type is unreadable and dead-lettered, and so
 * is a threshold not signed by meeting-service (its reason: {@code unsigned}, {@code bad-signature} or
 * {@code signer-not-allowed-for-topic}).
 */
@Component
class MeetingEventsListener {

    static final String THRESHOLD_TYPE = "member.absence_threshold_reached.";

    private final Reviews reviews;
    private final TrustedSigners signers;
    private final EventTracing tracing;

    MeetingEventsListener(Reviews reviews, TrustedSigners signers, EventTracing tracing) {
        this.reviews = reviews;
        this.signers = signers;
        this.tracing = tracing;
    }

    @KafkaListener(id = MeetingEventsConfiguration.GROUP, topics = Topics.MEETING,
            containerFactory = "meetingListeners")
    void accept(ConsumerRecord<String, byte[]> record) {
        tracing.consuming(MeetingEventsConfiguration.GROUP, List.of(record), () -> apply(record));
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type != null && !new String(type.value(), StandardCharsets.UTF_8).startsWith(THRESHOLD_TYPE)) {
            return;
        }
        var received = signers.read(Topics.MEETING, record.headers(), record.value());
        if (!received.hashIsIntact()) {
            throw new InvalidEventException("meeting event " + received.envelope().id() + " does not match its hash");
        }
        if (received.envelope().payload() instanceof MemberAbsenceThresholdReached reached) {
            reviews.openForAbsences(received.envelope(), reached);
        }
    }
}
