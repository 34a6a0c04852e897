package chibo.membership.member;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberEvent;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;
import chibo.contracts.member.Provenance;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.member.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member's history for fold tests: sealed events applied one after another, as the store would. */
public final class MemberHistory {

    private final String memberId;
    private final String cellId;
    private MemberState state;
    private long seq;
    private String hash = HashChain.GENESIS;

    private MemberHistory(String memberId, String cellId) {
        this.memberId = memberId;
        this.cellId = cellId;
    }

    /** A member with no events yet: the first one given must start the membership. */
    public static MemberHistory of(String memberId, String cellId) {
        return new MemberHistory(memberId, cellId);
    }

    /** An official member taken over from a register: admitted 2015, recognised 2016. */
    public static MemberHistory officialInCell(String memberId, String cellId) {
        return new MemberHistory(memberId, cellId).then(LocalDate.of(2016, 5, 19), new MemberEnrolledFromRegister(
                new Person("Ma Văn Sình", LocalDate.of(1970, 2, 3), Sex.MALE, "Tày", Education.UPPER_SECONDARY, null),
                MemberStatus.OFFICIAL, cellId, LocalDate.of(2015, 5, 19), LocalDate.of(2016, 5, 19), "TQ-1", false,
                new Provenance("Sổ đảng viên 2015", "test")));
    }

    public MemberHistory then(LocalDate effectiveDate, MemberEvent payload) {
        EventEnvelope event = HashChain.seal(new EventDraft(memberId, effectiveDate, cellId, null, UUID.randomUUID(),
                null, payload), "/chibo/test", ++seq, hash, UUID.randomUUID(), Instant.now());
        state = MemberLifecycle.apply(state, event);
        hash = event.hash();
        return this;
    }

    public MemberHistory rated(int year, RatingLevel level) {
        int points = switch (level) {
            case EXCELLENT -> 92;
            case GOOD -> 80;
            case COMPLETED -> 60;
            case NOT_COMPLETED -> 40;
        };
        return then(LocalDate.of(year, 12, 15), new MemberRated(year, level, points));
    }

    public MemberState state() {
        return state;
    }
}
