package chibo.membership.member;

import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;
import chibo.contracts.member.RatingLevel;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * A member as the API shows it. {@code version} is the seq of the member's latest event (also the {@code ETag});
 * {@code partyAge} exists once the member is recognised as official and counts from the date of the first admission
 * decision, less the time out of the party before a readmission, up to leaving or today (Điều lệ Đảng, điều 5.4;
 * HD 01-HD/TW 2021, điểm 5.3); a probationer, a readmitted member included, has none yet ({@code null}). {@code reviews} are the removal or let-go cases open before the member's cell.
 * {@code person.residenceUnitId} is where the member lives now; {@code residences} is where they lived, since when.
 */
public record MemberView(String id, Person person, MemberStatus status, String cellId, LocalDate admittedOn,
                         LocalDate firstAdmittedOn, LocalDate swornInOn, LocalDate probationEndsOn,
                         LocalDate officialFrom, String partyCardNumber, boolean enrolledFromRegister,
                         boolean exempted, MemberState.Transit inTransit, MemberState.TemporaryStay temporaryStay,
                         String residenceLiaisonCellId, String previousMemberId, LocalDate leftOn,
                         Map<Integer, RatingLevel> ratings, List<MemberState.Review> reviews,
                         List<MemberState.Residence> residences, PartyAge partyAge, long version) {

    public record PartyAge(int years, int months) {
    }

    public static MemberView of(MemberState s, long version, LocalDate today) {
        return new MemberView(s.id(), s.person(), s.status(), s.cellId(), s.admittedOn(), s.firstAdmittedOn(),
                s.swornInOn(), s.probationEndsOn(), s.officialFrom(), s.partyCardNumber(), s.enrolledFromRegister(),
                s.exempted(), s.inTransit(), s.temporaryStay(), s.residenceLiaisonCellId(), s.previousMemberId(),
                s.leftOn(), s.ratings(), s.openReviews(), s.residences(), partyAge(s, today), version);
    }

    static PartyAge partyAge(MemberState s, LocalDate today) {
        if (s.officialFrom() == null) {
            return null;
        }
        LocalDate until = s.leftOn() != null ? s.leftOn() : today;
        long days = until.toEpochDay() - s.firstAdmittedOn().toEpochDay();
        if (s.previousLeftOn() != null) {
            days -= s.admittedOn().toEpochDay() - s.previousLeftOn().toEpochDay();
        }
        Period period = Period.between(s.firstAdmittedOn(), s.firstAdmittedOn().plusDays(Math.max(0, days)));
        return new PartyAge(period.getYears(), period.getMonths());
    }
}
