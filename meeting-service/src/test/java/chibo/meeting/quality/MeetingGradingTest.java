package chibo.meeting.quality;

import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Meeting quality: the "đạt chất lượng" verdict of HD 12-HD/BTCTW (2018), the 120-minute minimum for combined
 * meetings from Chỉ thị 50-CT/TW (23/07/2025), and the per-province point scale (DOMAIN.md default
 * ≥90 / 70–89 / 50–69 / <50).
 */
class MeetingGradingTest {

    private static final MeetingsProperties.Quality QUALITY = new MeetingsProperties.Quality(85, 90, 120,
            LocalDate.of(2025, 7, 23));
    private final QualityStandard standard = new QualityStandard(QUALITY);
    private final MeetingGrading grading = new MeetingGrading(standard);
    private static final Preparation PREPARED = new Preparation(true, true, true);

    /** A meeting that meets every criterion: 20 of 20 present, 100 minutes, prepared, minutes, owned resolutions. */
    private static MeetingFacts perfect() {
        return new MeetingFacts(MeetingKind.REGULAR, LocalDate.of(2025, 9, 5), 100, 20, 20, 0, PREPARED, true, 2, 2);
    }

    private static MeetingFacts attendance(int present, int expected, int unexcused) {
        return new MeetingFacts(MeetingKind.REGULAR, LocalDate.of(2025, 9, 5), 100, expected, present, unexcused,
                PREPARED, true, 2, 2);
    }

    @Nested
    class Verdict {

        @Test
        void a_meeting_meeting_every_criterion_is_dat_chat_luong() {
            assertThat(standard.judge(perfect()).met()).isTrue();
        }

        @Test
        void attendance_must_be_above_85_percent_not_equal_to_it() {
            assertThat(standard.judge(attendance(17, 20, 0)).met()).as("85%").isFalse();
            assertThat(standard.judge(attendance(35, 40, 0)).met()).as("87.5%").isTrue();
        }

        @Test
        void one_unexcused_absence_fails_the_verdict_whatever_the_rate() {
            var verdict = standard.judge(attendance(39, 40, 1));
            assertThat(verdict.met()).isFalse();
            assertThat(verdict.shortfalls()).anySatisfy(s -> assertThat(s).contains("unexcused"));
        }

        @Test
        void each_part_of_the_preparation_is_needed() {
            for (Preparation lacking : new Preparation[]{new Preparation(false, true, true),
                    new Preparation(true, false, true), new Preparation(true, true, false)}) {
                var facts = new MeetingFacts(MeetingKind.REGULAR, LocalDate.of(2025, 9, 5), 100, 20, 20, 0, lacking,
                        true, 1, 1);
                assertThat(standard.judge(facts).met()).as(lacking.toString()).isFalse();
            }
        }

        @Test
        void incomplete_minutes_fail_the_verdict() {
            var facts = new MeetingFacts(MeetingKind.REGULAR, LocalDate.of(2025, 9, 5), 100, 20, 20, 0, PREPARED,
                    false, 1, 1);
            assertThat(standard.judge(facts).shortfalls()).singleElement()
                    .satisfies(s -> assertThat(s).contains("minutes incomplete"));
        }

        @ParameterizedTest(name = "{0} meeting of {1}, {2} minutes: met = {3}")
        @CsvSource({
                "REGULAR,  2025-09-05, 89,  false",
                "REGULAR,  2025-09-05, 90,  true",
                "COMBINED, 2025-07-22, 90,  true",
                "COMBINED, 2025-07-23, 119, false",
                "COMBINED, 2025-07-23, 120, true",
                "THEMATIC, 2025-09-05, 90,  true"})
        void the_minimum_length_is_90_minutes_and_120_for_a_combined_meeting_from_23_july_2025(
                MeetingKind kind, LocalDate date, long minutes, boolean met) {
            var facts = new MeetingFacts(kind, date, minutes, 20, 20, 0, PREPARED, true, 1, 1);
            assertThat(standard.judge(facts).met()).isEqualTo(met);
        }
    }

    @Nested
    class Points {

        @Test
        void a_perfect_meeting_scores_every_point_and_is_good() {
            var outcome = grading.grade(perfect(), GradingScale.standard(), "default");
            assertThat(outcome.points()).isEqualTo(100);
            assertThat(outcome.grade()).isEqualTo(MeetingGrade.GOOD);
            assertThat(outcome.qualityMet()).isTrue();
        }

        @Test
        void each_criterion_gives_its_points_with_a_reason() {
            // 18 of 20 present: 27 of 30; one unexcused: 0 of 10; no draft resolution: 14 of 20;
            // 90 of 90 minutes: 20 of 20; minutes complete: 10; one of two resolutions owned: 5 of 10
            var facts = new MeetingFacts(MeetingKind.REGULAR, LocalDate.of(2025, 9, 5), 90, 20, 18, 1,
                    new Preparation(true, true, false), true, 2, 1);
            var outcome = grading.grade(facts, GradingScale.standard(), "default");

            assertThat(outcome.points()).isEqualTo(27 + 0 + 14 + 20 + 10 + 5);
            assertThat(outcome.grade()).isEqualTo(MeetingGrade.FAIR);
            assertThat(outcome.reasons()).contains(
                    "attendance: 27/30 points (18 of 20 expected members present, 90%)",
                    "unexcused absences: 0/10 points (1)",
                    "duration: 20/20 points (90 of at least 90 minutes)",
                    "resolutions: 5/10 points (2 recorded, 1 with an owner)");
        }

        // HD 12-HD/BTCTW (2018): a criterion of the verdict that is not met earns none of its points
        @ParameterizedTest(name = "{0} meeting of {1}, {2} minutes: {3} duration points")
        @CsvSource({
                "REGULAR,  2025-09-05, 89,  0",
                "REGULAR,  2025-09-05, 60,  0",
                "REGULAR,  2025-09-05, 90,  20",
                "COMBINED, 2025-07-23, 119, 0",
                "COMBINED, 2025-07-23, 120, 20"})
        void a_meeting_shorter_than_its_minimum_earns_no_duration_points_however_close(
                MeetingKind kind, LocalDate date, long minutes, int durationPoints) {
            var facts = new MeetingFacts(kind, date, minutes, 20, 20, 0, PREPARED, true, 1, 1);
            var outcome = grading.grade(facts, GradingScale.standard(), "default");

            assertThat(outcome.points()).isEqualTo(30 + 10 + 20 + durationPoints + 10 + 10);
            assertThat(outcome.reasons()).anySatisfy(r -> assertThat(r).startsWith(
                    "duration: " + durationPoints + "/20 points (" + minutes + " of at least"));
        }

        @Test
        void an_89_minute_meeting_otherwise_perfect_is_not_graded_good() {
            var facts = new MeetingFacts(MeetingKind.REGULAR, LocalDate.of(2025, 9, 5), 89, 20, 20, 0, PREPARED,
                    true, 2, 2);
            var outcome = grading.grade(facts, GradingScale.standard(), "default");

            assertThat(outcome.points()).isEqualTo(80);
            assertThat(outcome.grade()).isEqualTo(MeetingGrade.FAIR);
            assertThat(outcome.reasons()).contains(
                    "duration: 0/20 points (89 of at least 90 minutes: the criterion is not met)");
        }

        @Test
        void attendance_not_above_85_percent_earns_no_attendance_points() {
            var exactly85 = grading.grade(attendance(17, 20, 0), GradingScale.standard(), "default");
            var above85 = grading.grade(attendance(35, 40, 0), GradingScale.standard(), "default");

            assertThat(exactly85.points()).isEqualTo(0 + 10 + 20 + 20 + 10 + 10);
            assertThat(exactly85.reasons()).anySatisfy(r -> assertThat(r)
                    .startsWith("attendance: 0/30 points (17 of 20 expected members present, 85%"));
            assertThat(above85.points()).as("87.5% of 30 is 26.25").isEqualTo(26 + 10 + 20 + 20 + 10 + 10);
        }

        @ParameterizedTest(name = "{0} points: {1}")
        @CsvSource({"100, GOOD", "90, GOOD", "89, FAIR", "70, FAIR", "69, AVERAGE", "50, AVERAGE", "49, POOR",
                "0, POOR"})
        void the_default_scale_is_90_70_50(int points, MeetingGrade grade) {
            assertThat(GradingScale.standard().gradeFor(points)).isEqualTo(grade);
        }

        @Test
        void a_meeting_that_is_not_dat_chat_luong_is_graded_at_most_fair_even_with_many_points() {
            var outcome = grading.grade(attendance(60, 61, 1), GradingScale.standard(), "default");

            assertThat(outcome.points()).isGreaterThanOrEqualTo(90);
            assertThat(outcome.grade()).isEqualTo(MeetingGrade.FAIR);
            assertThat(outcome.reasons()).anySatisfy(r -> assertThat(r).contains("at most FAIR"));
        }

        @Test
        void a_province_with_its_own_scale_grades_by_it_and_others_by_the_default() {
            var strict = new GradingScale(new GradingScale.Points(40, 10, 15, 15, 10, 10), 95, 80, 60, null);
            var properties = new MeetingsProperties(QUALITY, Map.of("NA", strict), null, null, null);
            var facts = new MeetingFacts(MeetingKind.REGULAR, LocalDate.of(2025, 9, 5), 100, 20, 18, 0, PREPARED,
                    true, 2, 2);

            var nghean = grading.grade(facts, properties.scaleFor("NA"), "NA");
            var elsewhere = grading.grade(facts, properties.scaleFor("TQ"), "default");

            assertThat(nghean.points()).isEqualTo(36 + 10 + 15 + 15 + 10 + 10);
            assertThat(nghean.grade()).isEqualTo(MeetingGrade.GOOD);
            assertThat(elsewhere.points()).isEqualTo(27 + 10 + 20 + 20 + 10 + 10);
            assertThat(elsewhere.grade()).isEqualTo(MeetingGrade.GOOD);
            assertThat(properties.scaleFor("NA").gradeFor(94)).isEqualTo(MeetingGrade.FAIR);
        }

        @Test
        void a_scale_that_does_not_add_up_to_100_is_refused_at_start_up() {
            var broken = new GradingScale(new GradingScale.Points(30, 10, 20, 20, 10, 5), 90, 70, 50, null);
            assertThatThrownBy(() -> new MeetingsProperties(QUALITY, Map.of("XX", broken), null, null, null))
                    .hasMessageContaining("'XX'").hasMessageContaining("95");
        }
    }
}
