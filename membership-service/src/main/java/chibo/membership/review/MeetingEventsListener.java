package chibo.membership.review;

import chibo.contracts.InvalidEventException;
import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.platform.kafka.EventMessages;
import chibo.platform.tracing.EventTracing;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * Opens a removal review when meeting-service reports that a member reached the threshold of unexcused absences.
 * Every other meeting fact (meetings held and graded, cell ratings, breaches, and types added later) is not
 * membership's business and is passed over unread; a record without a type is unreadable and dead-lettered, and so
 * is a threshold not signed by meeting-service (its reason: {@code unsigned}, {@code bad-signature} or
 * {@code signer-not-allowed-for-topic}). Bound as {@code meetingEvents-in-0} (see {@link MeetingEventsConfiguration}).
 */
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

    void accept(Message<byte[]> record) {
        EventMessages.handle(tracing, MeetingEventsConfiguration.GROUP, record, this::apply);
    }

    private void apply(Headers headers, byte[] value) {
        Header type = headers.lastHeader("ce_type");
        if (type != null && !new String(type.value(), StandardCharsets.UTF_8).startsWith(THRESHOLD_TYPE)) {
            return;
        }
        var received = signers.read(Topics.MEETING, headers, value);
        if (!received.hashIsIntact()) {
            throw new InvalidEventException("meeting event " + received.envelope().id() + " does not match its hash");
        }
        if (received.envelope().payload() instanceof MemberAbsenceThresholdReached reached) {
            reviews.openForAbsences(received.envelope(), reached);
        }
    }
}
