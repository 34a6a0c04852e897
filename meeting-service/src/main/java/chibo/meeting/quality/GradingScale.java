package chibo.meeting.quality;

import chibo.contracts.meeting.MeetingGrade;

/**
 * A province's point scale for cell meetings: points per criterion (summing to 100) and the lowest points of each
 * grade. Each province sets its own (e.g. Nghệ An, QĐ 27-QĐ/TU, 2023); the default is DOMAIN.md's
 * ≥90 Tốt / 70–89 Khá / 50–69 Trung bình / below 50 Kém.
 *
 * @param capUnlessQualityMet the best grade a meeting that is not "đạt chất lượng" can get (null: no cap)
 */
public record GradingScale(Points points, int good, int fair, int average, MeetingGrade capUnlessQualityMet) {

    /**
     * @param attendance   in proportion to the share of expected members present
     * @param noUnexcused  when nobody was absent without an accepted reason
     * @param preparation  split between content by the secretary, the committee meeting beforehand and the draft
     *                     resolution (the first gets any remainder)
     * @param duration     in full at the minimum length, in proportion below it
     * @param minutes      complete minutes
     * @param resolutions  conclusions recorded, each with an owner (half when some have none)
     */
    public record Points(int attendance, int noUnexcused, int preparation, int duration, int minutes,
                         int resolutions) {

        public int total() {
            return attendance + noUnexcused + preparation + duration + minutes + resolutions;
        }
    }

    public static GradingScale standard() {
        return new GradingScale(new Points(30, 10, 20, 20, 10, 10), 90, 70, 50, MeetingGrade.FAIR);
    }

    public MeetingGrade gradeFor(int total) {
        if (total >= good) {
            return MeetingGrade.GOOD;
        }
        if (total >= fair) {
            return MeetingGrade.FAIR;
        }
        return total >= average ? MeetingGrade.AVERAGE : MeetingGrade.POOR;
    }

    /** The scale must add up and its grades must descend, or every grade it gives is meaningless. */
    public void validate(String name) {
        if (points.total() != 100) {
            throw new IllegalStateException("grading scale '" + name + "': points add up to " + points.total()
                    + ", not 100");
        }
        if (!(good > fair && fair > average && average > 0 && good <= 100)) {
            throw new IllegalStateException("grading scale '" + name + "': grade thresholds " + good + " / " + fair
                    + " / " + average + " must descend within 1–100");
        }
    }
}
