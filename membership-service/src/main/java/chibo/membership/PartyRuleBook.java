package chibo.membership;

import chibo.calendar.WorkingDayCalendar;
import chibo.membership.admission.AdmissionFacts;
import chibo.membership.admission.AdmissionRules;
import chibo.membership.admission.EducationException;
import chibo.membership.correction.CorrectionFacts;
import chibo.membership.correction.CorrectionRules;
import chibo.membership.enrolment.EnrolmentFacts;
import chibo.membership.enrolment.EnrolmentRules;
import chibo.membership.leaving.LeavingRules;
import chibo.membership.member.MemberDecisionFacts;
import chibo.membership.probation.ProbationFacts;
import chibo.membership.probation.ProbationRules;
import chibo.membership.readmission.ReadmissionFacts;
import chibo.membership.readmission.ReadmissionRules;
import chibo.membership.residence.ResidenceFacts;
import chibo.membership.residence.ResidenceRules;
import chibo.membership.review.ReviewClosureFacts;
import chibo.membership.review.ReviewRules;
import chibo.membership.rules.Command;
import chibo.membership.rules.DecisionFacts;
import chibo.membership.rules.DecisionRules;
import chibo.membership.rules.Regulations;
import chibo.platform.rules.Rule;
import chibo.membership.rules.RuleBook;
import chibo.membership.rules.RuleSet;
import chibo.membership.standing.ExcellentCap;
import chibo.membership.standing.ExcellentShare;
import chibo.membership.standing.RatingFacts;
import chibo.membership.standing.StandingRules;
import chibo.membership.transfer.TransferFacts;
import chibo.membership.transfer.TransferRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule sets chibo enforces, with the periods they were in force and the points of the documents each rule
 * comes from:
 * <ul>
 *   <li>until 30/06/2025: the Party Charter with QĐ 24-QĐ/TW (30/07/2021) as amended by QĐ 232-QĐ/TW (01/2025);
 *       earlier dates are checked under the same Charter rules, which QĐ 24 carried over unchanged;</li>
 *   <li>from 01/07/2025: QĐ 294-QĐ/TW (26/05/2025), which removes the district level; annual ratings from
 *       30/08/2025 under QĐ 366-QĐ/TW, before that QĐ 124-QĐ/TW (2023).</li>
 * </ul>
 */
public final class PartyRuleBook {

    static final LocalDate QD_294 = LocalDate.of(2025, 7, 1);
    static final LocalDate QD_366 = LocalDate.of(2025, 8, 30);

    private PartyRuleBook() {
    }

    public static RuleBook create(Regulations regulations, WorkingDayCalendar calendar) {
        return new RuleBook(List.of(
                charter2021(regulations, calendar),
                qd294(regulations, calendar, "qd294-2025", QD_294, QD_366, "QĐ 124-QĐ/TW (2023)"),
                qd294(regulations, calendar, "qd294-qd366", QD_366, null, "QĐ 366-QĐ/TW (30/08/2025)")));
    }

    private static RuleSet charter2021(Regulations r, WorkingDayCalendar calendar) {
        Sources s = new Sources("Điều lệ Đảng; QĐ 24-QĐ/TW", "QĐ 24-QĐ/TW");
        return rules(RuleSet.builder("charter-2021",
                        "Điều lệ Đảng; QĐ 24-QĐ/TW (30/07/2021), sửa đổi bởi QĐ 232-QĐ/TW (01/2025)", null, QD_294),
                r, calendar, s, List.of(), "QĐ 124-QĐ/TW (2023)");
    }

    private static RuleSet qd294(Regulations r, WorkingDayCalendar calendar, String id, LocalDate from,
                                 LocalDate until, String ratingSource) {
        Sources s = new Sources("Điều lệ Đảng; QĐ 294-QĐ/TW", "QĐ 294-QĐ/TW");
        return rules(RuleSet.builder(id, "QĐ 294-QĐ/TW (26/05/2025); đánh giá, xếp loại: " + ratingSource, from, until),
                r, calendar, s, List.of(new DecisionRules.NoDistrictLevel()), ratingSource);
    }

    /** The points of the regulation in force, by topic. */
    private record Sources(String charter, String regulation) {
        String of(String point) {
            return regulation + ", điểm " + point;
        }
    }

    private static RuleSet rules(RuleSet.Builder set, Regulations r, WorkingDayCalendar calendar, Sources s,
                                 List<Rule<DecisionFacts>> reform, String ratingSource) {
        List<Rule<DecisionFacts>> decision = new ArrayList<>();
        decision.add(new DecisionRules.NotInFuture());
        decision.add(new DecisionRules.CompetentCommittee(s.charter() + ", điểm 4.1 (cấp ủy có thẩm quyền)"));
        decision.addAll(reform);
        List<Rule<DecisionFacts>> recorded = List.of(new DecisionRules.NotInFuture());
        List<Rule<? super DecisionFacts>> admitting = concat(decision, List.of(new DecisionRules.SuperiorCommittee(
                s.charter() + ", điểm 4.1, 4.2 (ban thường vụ cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng)")));
        List<Rule<? super DecisionFacts>> removing = concat(decision, List.of(new DecisionRules.SuperiorCommittee(
                "Điều lệ Đảng, điều 8.2 (chi bộ đề nghị, cấp ủy có thẩm quyền quyết định)")));

        set.rules(Command.ADMISSION, AdmissionFacts.class, concat(admitting, List.of(
                new AdmissionRules.Age(r, "Điều lệ Đảng, điều 1; " + s.of("3.1")),
                new AdmissionRules.MinimumEducation(s.of("3.3") + "; " + EducationException.SOURCE),
                new AdmissionRules.AwarenessCertificate(r, s.of("3.4")),
                new AdmissionRules.Introducers(r, "Điều lệ Đảng, điều 4; " + s.of("3.5")),
                new AdmissionRules.YouthUnionRoute("Điều lệ Đảng, điều 4.3; " + s.of("3.5")
                        + "; Luật Thanh niên 2020, điều 1 (thanh niên đến 30 tuổi)"),
                new AdmissionRules.TwoThirdsVote("Điều lệ Đảng, điều 4; " + s.of("9.3.2")),
                new AdmissionRules.DecisionDeadline(r, calendar, s.of("4.1")))));
        set.rules(Command.SWEARING_IN, ProbationFacts.class, concat(recorded, List.of(
                new ProbationRules.CeremonyDeadline(r, calendar, s.of("4.3")))));
        set.rules(Command.RECOGNITION, ProbationFacts.class, concat(admitting, List.of(
                new ProbationRules.ProbationServed(r, "Điều lệ Đảng, điều 5; " + s.of("4.2.2")))));
        set.rules(Command.PROBATION_FAILURE, ProbationFacts.class, concat(admitting, List.of(
                new ProbationRules.ProbationServed(r, "Điều lệ Đảng, điều 5; " + s.of("4.2.2")))));
        set.rules(Command.TRANSFER, TransferFacts.class, concat(decision, List.of(
                new TransferRules.Destination(s.of("6.3.1")),
                new TransferRules.ResidenceCircumstance(s.of("6.3.1")))));
        set.rules(Command.TRANSFER_RECEIPT, TransferFacts.class, concat(recorded, List.of(
                new TransferRules.Destination(s.of("6.3.1")))));
        set.rules(Command.TEMPORARY_TRANSFER, TransferFacts.class, concat(decision, List.of(
                new TransferRules.TemporaryDuration(s.of("6.3.2")))));
        set.rules(Command.TEMPORARY_TRANSFER_END, TransferFacts.class, recorded);
        set.rules(Command.RESIDENCE_LIAISON, TransferFacts.class, concat(recorded, List.of(
                new TransferRules.ResidenceLiaison("QĐ 213-QĐ/TW (02/01/2020); HD 33-HD/BTCTW (30/10/2020)"))));
        set.rules(Command.RESIDENCE_CHANGE, ResidenceFacts.class, concat(recorded, List.of(
                new ResidenceRules.AnotherPlace())));
        set.rules(Command.EXEMPTION, MemberDecisionFacts.class, concat(decision, List.of(
                new StandingRules.ExemptionOfOfficialsOnly("Điều lệ Đảng, điều 7; " + s.of("7")))));
        set.rules(Command.DISCIPLINE, MemberDecisionFacts.class, concat(decision, List.of(
                new StandingRules.ProbationerDisciplineForms("Điều lệ Đảng, điều 35"))));
        set.rules(Command.REMOVAL, MemberDecisionFacts.class, removing);
        set.rules(Command.LET_GO, MemberDecisionFacts.class, concat(decision, List.of(
                new LeavingRules.ScreenedOutAfterTwoYears("HD 02-HD/BTCTW (2021)"))));
        set.rules(Command.EXPULSION, MemberDecisionFacts.class, concat(decision, List.of(
                new LeavingRules.ExpulsionOfOfficialsOnly("Điều lệ Đảng, điều 35"))));
        set.rules(Command.DEATH, MemberDecisionFacts.class, recorded);
        set.rules(Command.READMISSION, ReadmissionFacts.class, concat(admitting, List.of(
                new AdmissionRules.Age(r, "Điều lệ Đảng, điều 1; " + s.of("3.1")),
                new AdmissionRules.MinimumEducation(s.of("3.3") + "; " + EducationException.SOURCE),
                new AdmissionRules.Introducers(r, "Điều lệ Đảng, điều 4; " + s.of("3.5")),
                new AdmissionRules.YouthUnionRoute("Điều lệ Đảng, điều 4.3; " + s.of("3.5")
                        + "; Luật Thanh niên 2020, điều 1 (thanh niên đến 30 tuổi)"),
                new AdmissionRules.TwoThirdsVote("Điều lệ Đảng, điều 4; " + s.of("9.3.2")),
                new ReadmissionRules.OnceOnly(s.of("3.5.1")),
                new ReadmissionRules.WaitingPeriod(r, s.of("3.5.1")),
                new ReadmissionRules.NeverReadmitted(s.of("3.5.2")))));
        set.rules(Command.RATING, RatingFacts.class, concat(decision, List.of(
                new StandingRules.Rating(ratingSource + "; QĐ 124-QĐ/TW, điều 12"))));
        set.rules(Command.RATING_SHARE, ExcellentShare.class, List.of(
                new ExcellentCap(r.excellentSharePercent(), ratingSource
                        + " (tỷ lệ hoàn thành xuất sắc nhiệm vụ; chibo.rules.excellent-share-percent)")));
        set.rules(Command.REVIEW_CLOSURE, ReviewClosureFacts.class, concat(recorded, List.of(
                new ReviewRules.ConsideredInLine("Điều lệ Đảng, điều 8 (chi bộ xem xét)"),
                new ReviewRules.ClosedAfterOpening())));
        set.rules(Command.CORRECTION, CorrectionFacts.class, concat(decision, List.of(
                new CorrectionRules.Target(),
                new CorrectionRules.AppealWindow(r, calendar,
                        "Điều lệ Đảng, điều 39.7; QĐ 22-QĐ/TW (2021); " + s.of("8")))));
        set.rules(Command.ENROLMENT, EnrolmentFacts.class, List.of(
                new EnrolmentRules.PossibleStatus(),
                new EnrolmentRules.DatesInOrder(),
                new EnrolmentRules.PlausibleAge()));
        return set.build();
    }

    private static <F> List<Rule<? super F>> concat(List<? extends Rule<? super F>> first,
                                                  List<? extends Rule<? super F>> second) {
        List<Rule<? super F>> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
