package chibo.reporting.audit;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import chibo.contracts.EventPayload;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds one member's archived history: each event with its effective date and the moment it was recorded. */
final class MemberHistory {

    private final SealedEvents events = new SealedEvents("/chibo/membership-service");
    private final String memberId;
    private final List<ArchivedEvent> history = new ArrayList<>();

    MemberHistory(String memberId) {
        this.memberId = memberId;
    }

    static MemberAdmitted admittedTo(String cellId) {
        return new MemberAdmitted(new Person("Trần Thị B", LocalDate.parse("1992-05-01"), Sex.FEMALE, "Tày",
                Education.UPPER_SECONDARY, null), cellId, null, new Vote(9, 0, 0, 9), List.of(), true, null);
    }

    MemberHistory then(String effectiveDate, String recordedAt, EventPayload payload) {
        EventEnvelope event = events.next(memberId, LocalDate.parse(effectiveDate), "org-1", "QĐ-" + history.size(),
                Instant.parse(recordedAt), payload);
        history.add(archived(event));
        return this;
    }

    ArchivedEvent event(long seq) {
        return history.get((int) seq - 1);
    }

    List<ArchivedEvent> events() {
        return List.copyOf(history);
    }

    static ArchivedEvent archived(EventEnvelope e) {
        return new ArchivedEvent(EventStream.MEMBERSHIP, e.storageId(), e.id().toString(), e.type(), e.type(),
                e.source(), e.subject(), e.seq(), e.effectiveDate(), e.recordedAt(), e.actingOrg(),
                e.decisionNumber(), e.correlationId().toString(), null, e.previousHash(), e.hash(), true,
                EventJson.toJson(e.payload()), List.of(), "party.membership.events", 0, e.seq());
    }
}
