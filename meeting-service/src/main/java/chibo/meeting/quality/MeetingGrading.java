package chibo.meeting.quality;

import chibo.contracts.meeting.MeetingGrade;

import java.util.ArrayList;
import java.util.List;

/**
 * Grades a meeting: the central "đạt chất lượng" verdict, then the points of the province's scale criterion by
 * criterion, each with the reason that produced it. A criterion of the verdict that is failed earns none of its
 * points (HD 12-HD/BTCTW, 2018): attendance not above the minimum share, or a meeting shorter than its minimum
 * length (an 89-minute meeting earns no duration points), gets 0, never a share rounded up to the full mark.
 */
public final class MeetingGrading {

    private final QualityStandard standard;

    public MeetingGrading(QualityStandard standard) {
        this.standard = standard;
    }

    public record Outcome(boolean qualityMet, MeetingGrade grade, int points, List<String> reasons) {
    }

    public Outcome grade(MeetingFacts facts, GradingScale scale, String scaleName) {
        GradingScale.Points weights = scale.points();
        List<String> reasons = new ArrayList<>();
        int total = 0;

        boolean attendanceMet = standard.attendanceMet(facts);
        int attendance = attendanceMet ? (int) Math.round(weights.attendance() * facts.attendanceRate()) : 0;
        reasons.add(String.format("attendance: %d/%d points (%d of %d expected members present, %.0f%%%s)",
                attendance, weights.attendance(), facts.presentOfExpected(), facts.expected(),
                100 * facts.attendanceRate(), attendanceMet ? ""
                        : ", not above " + standard.minimumAttendancePercent() + "%: the criterion is not met"));
        total += attendance;

        int noUnexcused = facts.unexcused() == 0 ? weights.noUnexcused() : 0;
        reasons.add("unexcused absences: " + noUnexcused + "/" + weights.noUnexcused() + " points ("
                + facts.unexcused() + ")");
        total += noUnexcused;

        int third = weights.preparation() / 3;
        int first = weights.preparation() - 2 * third;
        int preparation = (facts.preparation().contentBySecretary() ? first : 0)
                + (facts.preparation().committeeMetBeforehand() ? third : 0)
                + (facts.preparation().draftResolution() ? third : 0);
        reasons.add("preparation: " + preparation + "/" + weights.preparation() + " points (content by the"
                + " secretary " + yesNo(facts.preparation().contentBySecretary()) + ", committee met beforehand "
                + yesNo(facts.preparation().committeeMetBeforehand()) + ", draft resolution "
                + yesNo(facts.preparation().draftResolution()) + ")");
        total += preparation;

        int minimum = standard.minimumMinutes(facts.kind(), facts.date());
        int duration = facts.minutes() >= minimum ? weights.duration() : 0;
        reasons.add("duration: " + duration + "/" + weights.duration() + " points (" + facts.minutes()
                + " of at least " + minimum + " minutes" + (facts.minutes() < minimum ? ": the criterion is not met" : "")
                + ")");
        total += duration;

        int minutes = facts.minutesComplete() ? weights.minutes() : 0;
        reasons.add("minutes: " + minutes + "/" + weights.minutes() + " points ("
                + (facts.minutesComplete() ? "complete" : "incomplete") + ")");
        total += minutes;

        int resolutions = facts.resolutions() == 0 ? 0
                : facts.resolutionsWithOwner() == facts.resolutions() ? weights.resolutions()
                : weights.resolutions() / 2;
        reasons.add("resolutions: " + resolutions + "/" + weights.resolutions() + " points (" + facts.resolutions()
                + " recorded, " + facts.resolutionsWithOwner() + " with an owner)");
        total += resolutions;

        QualityStandard.Verdict verdict = standard.judge(facts);
        MeetingGrade grade = scale.gradeFor(total);
        reasons.add("scale '" + scaleName + "': " + total + " points → " + grade);
        if (verdict.met()) {
            reasons.add("đạt chất lượng (" + QualityStandard.SOURCE + ")");
        } else {
            verdict.shortfalls().forEach(shortfall -> reasons.add("not đạt chất lượng: " + shortfall));
            if (scale.capUnlessQualityMet() != null && grade.compareTo(scale.capUnlessQualityMet()) < 0) {
                grade = scale.capUnlessQualityMet();
                reasons.add("a meeting that is not đạt chất lượng is graded at most " + grade);
            }
        }
        return new Outcome(verdict.met(), grade, total, List.copyOf(reasons));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
