package chibo.membership.readmission;

import chibo.contracts.member.Education;
import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.membership.rules.Regulations;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Readmission (QĐ 294-QĐ/TW points 3.5.1–3.5.2). */
class ReadmissionRulesTest {

    private static final LocalDate LEFT = LocalDate.of(2021, 3, 15);
    private static final ReadmissionFacts.Declarations NONE = new ReadmissionFacts.Declarations(false, false, false,
            false);

    private static ReadmissionFacts facts(MemberStatus previous, RemovalGround removal, LetGoGround letGo,
                                          boolean wasReadmission, boolean alreadyReadmitted, LocalDate decision,
                                          LocalDate expunged, ReadmissionFacts.Declarations declarations) {
        return new ReadmissionFacts(new Person("Lý Văn Tài", LocalDate.of(1980, 1, 1), Sex.MALE, "Dao",
                Education.UPPER_SECONDARY, null), decision.minusDays(20), new Vote(9, 0, 0, 9), List.of(), true,
                previous, LEFT, removal, letGo, wasReadmission, alreadyReadmitted, expunged, declarations, decision,
                OrgLevel.PROVINCE, true, decision);
    }

    private static ReadmissionFacts removedLongAgo(LocalDate decision) {
        return facts(MemberStatus.REMOVED, RemovalGround.NO_PROGRESS_AFTER_HELP, null, false, false, decision, null,
                NONE);
    }

    @Test
    void readmits_once_the_membership_has_ended_and_only_once() {
        var rule = new ReadmissionRules.OnceOnly("QĐ 294-QĐ/TW, điểm 3.5.1");
        LocalDate decision = LEFT.plusYears(4);

        assertThat(rule.check(removedLongAgo(decision))).isEmpty();
        assertThat(rule.check(facts(MemberStatus.OFFICIAL, null, null, false, false, decision, null, NONE)))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("has not ended"));
        assertThat(rule.check(facts(MemberStatus.REMOVED, RemovalGround.NO_PROGRESS_AFTER_HELP, null, true, false,
                decision, null, NONE))).hasValueSatisfying(v -> assertThat(v.message()).contains("once only"));
        assertThat(rule.check(facts(MemberStatus.REMOVED, RemovalGround.NO_PROGRESS_AFTER_HELP, null, false, true,
                decision, null, NONE))).isPresent();
    }

    @Test
    void waits_36_months_after_leaving() {
        var rule = new ReadmissionRules.WaitingPeriod(Regulations.DEFAULTS, "QĐ 294-QĐ/TW, điểm 3.5.1");

        assertThat(rule.check(removedLongAgo(LEFT.plusMonths(36)))).isEmpty();
        assertThat(rule.check(removedLongAgo(LEFT.plusMonths(36).minusDays(1))))
                .hasValueSatisfying(v -> assertThat(v.message()).contains(LEFT.plusMonths(36).toString()));
    }

    @Test
    void waits_60_months_after_a_less_serious_conviction_is_expunged() {
        var rule = new ReadmissionRules.WaitingPeriod(Regulations.DEFAULTS, "QĐ 294-QĐ/TW, điểm 3.5.1");
        LocalDate expunged = LocalDate.of(2021, 6, 1);

        assertThat(rule.check(facts(MemberStatus.REMOVED, RemovalGround.NO_PROGRESS_AFTER_HELP, null, false, false,
                expunged.plusMonths(60), expunged, NONE))).isEmpty();
        assertThat(rule.check(facts(MemberStatus.REMOVED, RemovalGround.NO_PROGRESS_AFTER_HELP, null, false, false,
                expunged.plusMonths(50), expunged, NONE))).isPresent();
    }

    @Test
    void never_readmits_those_who_left_party_activity_of_their_own_accord() {
        var rule = new ReadmissionRules.NeverReadmitted("QĐ 294-QĐ/TW, điểm 3.5.2");

        assertThat(rule.check(facts(MemberStatus.REMOVED, RemovalGround.ABSENT_OR_UNPAID_THREE_MONTHS, null, false,
                false, LEFT.plusYears(4), null, NONE))).hasValueSatisfying(v -> assertThat(v.message())
                .contains("own accord"));
        assertThat(rule.source()).contains("3.5.2");
    }

    @Test
    void never_readmits_those_who_asked_to_leave_save_for_exceptional_family_hardship() {
        var rule = new ReadmissionRules.NeverReadmitted("QĐ 294-QĐ/TW, điểm 3.5.2");
        LocalDate decision = LEFT.plusYears(4);

        assertThat(rule.check(facts(MemberStatus.LET_GO, null, LetGoGround.ASKED_TO_LEAVE, false, false, decision,
                null, NONE))).isPresent();
        assertThat(rule.check(facts(MemberStatus.LET_GO, null, LetGoGround.ASKED_TO_LEAVE, false, false, decision,
                null, new ReadmissionFacts.Declarations(false, false, false, true)))).isEmpty();
    }

    @Test
    void never_readmits_those_convicted_of_corruption_or_who_caused_serious_disunity() {
        var rule = new ReadmissionRules.NeverReadmitted("QĐ 294-QĐ/TW, điểm 3.5.2");
        LocalDate decision = LEFT.plusYears(4);

        assertThat(rule.check(facts(MemberStatus.EXPELLED, null, null, false, false, decision, null,
                new ReadmissionFacts.Declarations(false, true, false, false))))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("declarations.convictedOfCorruption"));
        assertThat(rule.check(facts(MemberStatus.EXPELLED, null, null, false, false, decision, null,
                new ReadmissionFacts.Declarations(true, false, false, false))))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("declarations.causedSeriousDisunity"));
        assertThat(rule.check(removedLongAgo(decision))).isEmpty();
    }
}
