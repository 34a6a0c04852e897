package chibo.reporting.topology;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.meeting.Attendance;
import chibo.contracts.meeting.AttendanceStatus;
import chibo.contracts.meeting.BreachKind;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.contracts.meeting.CellMeetingBreachRetracted;
import chibo.contracts.meeting.CellRated;
import chibo.contracts.meeting.GradeOverride;
import chibo.contracts.meeting.Guest;
import chibo.contracts.meeting.MeetingGrade;
import chibo.contracts.meeting.MeetingGraded;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MeetingKind;
import chibo.contracts.meeting.Preparation;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.Education;
import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.TransferKind;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.MemberResidenceChanged;
import chibo.contracts.member.Person;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.KeyPosition;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.PositionAssigned;
import chibo.contracts.organization.PositionVacated;
import chibo.contracts.organization.UnitCovered;
import chibo.contracts.organization.UnitKind;
import chibo.contracts.organization.UnitRegistered;
import chibo.reporting.figures.Counters;
import chibo.reporting.query.Figures;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import static chibo.reporting.figures.Counters.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The figures beyond members by status: make-up, monthly flows, as-of stock, meetings, units and positions. */
class FiguresTopologyTest {

    private TopologyHarness harness;

    @BeforeEach
    void tree() {
        harness = new TopologyHarness();
        // TQ ─┬─ XA1 ─┬─ C1
        //     │       └─ C2
        //     └─ XA2 ──── C3
        harness.tree("TQ", "PROVINCE", null,
                "XA1", "COMMUNE", "TQ",
                "XA2", "COMMUNE", "TQ",
                "C1", "CELL", "XA1",
                "C2", "CELL", "XA1",
                "C3", "CELL", "XA2");
    }

    /** Whatever each scenario left, the one-pass fold of the same events makes the same figures. */
    @AfterEach
    void close() {
        try {
            harness.assertOnePassFoldAgrees();
        } finally {
            harness.close();
        }
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static MemberAdmitted admitted(String cell, Sex sex, String ethnicity, int born, Education education,
                                           String unit) {
        return new MemberAdmitted(new Person("Member", LocalDate.of(born, 6, 1), sex, ethnicity, education, unit),
                cell, null, new Vote(10, 0, 0, 10), List.of(), true, null);
    }

    @Test
    void members_are_counted_by_sex_ethnicity_year_of_birth_and_education_up_the_tree() {
        harness.member("a", day("2020-03-10"), admitted("C1", Sex.FEMALE, "Tày", 1990, Education.UNIVERSITY, null));
        harness.member("b", day("2020-04-10"), admitted("C2", Sex.MALE, "Kinh", 1962, Education.UPPER_SECONDARY,
                null));
        harness.member("c", day("2020-04-11"), admitted("C3", Sex.FEMALE, "H'Mông", 1990, null, null));

        assertThat(harness.count("XA1", "members.sex.female")).isEqualTo(1);
        assertThat(harness.count("XA1", "members.sex.male")).isEqualTo(1);
        assertThat(harness.count("TQ", "members.sex.female")).isEqualTo(2);
        assertThat(harness.count("TQ", "members.ethnicity.tày")).isEqualTo(1);
        assertThat(harness.count("TQ", "members.ethnicity.h'mông")).isEqualTo(1);
        assertThat(harness.count("TQ", "members.born.1990")).isEqualTo(2);
        assertThat(harness.count("TQ", "members.education.unknown")).isEqualTo(1);
        assertThat(Figures.ageBands(Figures.stockAt(harness.counts("TQ"), null), 2025))
                .containsEntry("31-40", 2L).containsEntry("61-70", 1L).containsEntry("up-to-30", 0L);

        harness.member("b", day("2021-01-05"), new MemberDeceased("tạ thế"));
        assertThat(harness.count("TQ", "members.sex.male")).isZero();
        assertThat(harness.count("TQ", "members.born.1962")).isZero();
    }

    @Test
    void each_lifecycle_flow_lands_in_the_month_of_its_effective_date() {
        harness.member("a", day("2020-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));
        harness.member("b", day("2020-03-20"), admitted("C1", Sex.MALE, "Kinh", 1991, Education.UNIVERSITY, null));
        harness.member("c", day("2020-05-02"), admitted("C2", Sex.MALE, "Kinh", 1992, Education.UNIVERSITY, null));
        harness.member("d", day("2020-05-03"), admitted("C2", Sex.MALE, "Kinh", 1993, Education.UNIVERSITY, null));
        harness.member("a", day("2021-03-11"), new MemberRecognized(day("2021-03-10"), null, null));
        harness.member("b", day("2021-04-01"), new MemberProbationFailed(null, "not recognised"));
        harness.member("a", day("2022-07-01"), new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP, null, null));
        harness.member("c", day("2022-08-01"), new MemberLetGo(LetGoGround.values()[0], null));
        harness.member("d", day("2022-08-15"), new MemberExpelled("vi phạm"));

        assertThat(harness.inMonth("TQ", "2020-03", Counters.ADMITTED)).isEqualTo(2);
        assertThat(harness.inMonth("TQ", "2020-05", Counters.ADMITTED)).isEqualTo(2);
        assertThat(harness.inMonth("XA1", "2021-03", Counters.RECOGNIZED)).isEqualTo(1);
        assertThat(harness.inMonth("XA1", "2021-04", Counters.PROBATION_FAILED)).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2022-07", Counters.REMOVED)).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2022-08", Counters.LET_GO)).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2022-08", Counters.EXPELLED)).isEqualTo(1);
        assertThat(harness.count("TQ", Counters.ADMITTED)).isEqualTo(4);
        assertThat(harness.count("TQ", MEMBERS)).isZero();

        var tq = harness.counts("TQ");
        assertThat(Figures.stockAt(tq, YearMonth.of(2020, 4))).containsEntry(MEMBERS, 2L);
        assertThat(Figures.stockAt(tq, YearMonth.of(2021, 3))).containsEntry(MEMBERS, 4L)
                .containsEntry("members.official", 1L).containsEntry("members.probationary", 3L);
        assertThat(Figures.stockAt(tq, YearMonth.of(2021, 12))).containsEntry(MEMBERS, 3L);
        assertThat(Figures.stockAt(tq, YearMonth.of(2022, 12))).doesNotContainKey(MEMBERS);
        assertThat(Figures.flowsBetween(tq, YearMonth.of(2020, 1), YearMonth.of(2021, 12)))
                .containsEntry(Counters.ADMITTED, 4L).containsEntry(Counters.PROBATION_FAILED, 1L)
                .doesNotContainKey(Counters.EXPELLED);
    }

    @Test
    void a_member_enrolled_from_a_register_is_probationary_between_the_registers_admission_and_recognition() {
        harness.member("r", day("2018-03-10"), new MemberEnrolledFromRegister(new Person("Member",
                LocalDate.of(1985, 1, 1), Sex.FEMALE, "Tày", Education.UNIVERSITY, null), MemberStatus.OFFICIAL, "C1",
                day("2018-03-10"), day("2019-04-02"), "012345", false, null));

        var tq = harness.counts("TQ");
        assertThat(Figures.stockAt(tq, YearMonth.of(2018, 2))).doesNotContainKey(MEMBERS);
        assertThat(Figures.stockAt(tq, YearMonth.of(2018, 3))).containsEntry(MEMBERS, 1L)
                .containsEntry("members.probationary", 1L).doesNotContainKey("members.official");
        assertThat(Figures.stockAt(tq, YearMonth.of(2019, 3))).containsEntry("members.probationary", 1L)
                .doesNotContainKey("members.official");
        assertThat(Figures.stockAt(tq, YearMonth.of(2019, 4))).containsEntry(MEMBERS, 1L)
                .containsEntry("members.official", 1L).doesNotContainKey("members.probationary");
        assertThat(harness.count("XA1", "members.official")).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2018-03", Counters.ENROLLED)).isEqualTo(1);
        assertThat(Figures.flowsBetween(tq, YearMonth.of(2018, 1), YearMonth.of(2019, 12)))
                .as("the register's recognition was not decided in chibo").doesNotContainKey(Counters.RECOGNIZED)
                .doesNotContainKey(Counters.ADMITTED);
    }

    @Test
    void a_backdated_event_recorded_later_lands_in_its_own_month() {
        harness.member("a", day("2024-06-01"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));
        harness.member("old", day("2019-02-01"), admitted("C3", Sex.MALE, "Kinh", 1980, Education.UNIVERSITY,
                null));

        assertThat(Figures.stockAt(harness.counts("TQ"), YearMonth.of(2019, 12))).containsEntry(MEMBERS, 1L);
        assertThat(harness.inMonth("XA2", "2019-02", Counters.ADMITTED)).isEqualTo(1);
    }

    @Test
    void an_upheld_appeal_takes_the_expulsion_back_in_the_month_it_was_counted() {
        harness.member("a", day("2020-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));
        var expelled = harness.member("a", day("2022-08-15"), new MemberExpelled("vi phạm"));
        harness.member("a", day("2023-01-10"), new MemberCorrected(expelled.id(), expelled.seq(),
                expelled.type(), CorrectionKind.APPEAL_UPHELD, "kháng cáo được chấp nhận"));

        assertThat(harness.count("TQ", Counters.EXPELLED)).isZero();
        assertThat(harness.inMonth("TQ", "2022-08", Counters.EXPELLED)).isZero();
        assertThat(harness.count("TQ", MEMBERS)).isEqualTo(1);
        assertThat(Figures.stockAt(harness.counts("TQ"), YearMonth.of(2022, 9))).containsEntry(MEMBERS, 1L);
    }

    @Test
    void a_transfer_is_out_of_the_old_cell_and_into_the_new_one_in_its_month() {
        harness.member("a", day("2020-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));
        harness.member("a", day("2021-05-20"), new MemberTransferReceived("C3"));

        assertThat(harness.inMonth("XA1", "2021-05", Counters.TRANSFERRED_OUT)).isEqualTo(1);
        assertThat(harness.inMonth("XA2", "2021-05", Counters.TRANSFERRED_IN)).isEqualTo(1);
        assertThat(harness.inMonth("XA1", "2021-05", MEMBERS)).isEqualTo(-1);
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2021, 4))).containsEntry(MEMBERS, 1L);
        assertThat(Figures.stockAt(harness.counts("XA2"), YearMonth.of(2021, 5))).containsEntry(MEMBERS, 1L);
        assertThat(harness.count("TQ", MEMBERS)).isEqualTo(1);
    }

    @Test
    void a_move_carries_the_stock_in_its_month_and_leaves_the_flows_where_they_happened() {
        harness.member("a", day("2020-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));
        harness.member("b", day("2020-03-11"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));

        harness.organization("C1", day("2025-07-01"), new OrganizationMoved("XA2", "XA1"));

        assertThat(harness.count("XA1", MEMBERS)).isZero();
        assertThat(harness.count("XA2", MEMBERS)).isEqualTo(2);
        assertThat(harness.count("XA1", Counters.ADMITTED)).isEqualTo(2);
        assertThat(harness.count("XA2", Counters.ADMITTED)).isZero();
        assertThat(harness.count("XA2", Counters.CELLS)).isEqualTo(2);
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2025, 6))).containsEntry(MEMBERS, 2L);
        assertThat(Figures.stockAt(harness.counts("XA2"), YearMonth.of(2025, 6))).doesNotContainKey(MEMBERS);
        assertThat(Figures.stockAt(harness.counts("XA2"), YearMonth.of(2025, 7))).containsEntry(MEMBERS, 2L);
        assertThat(harness.figures("XA1").children()).as("it stood there until the move").containsExactly("C1", "C2");
        assertThat(harness.figures("XA2").children()).containsExactly("C1", "C3");
    }

    @Test
    void an_event_before_a_move_that_arrives_after_it_counts_where_the_organisation_was_then() {
        harness.organization("C1", day("2025-07-01"), new OrganizationMoved("XA2", "XA1"));
        // recorded late: an admission of March 2024 and one of August 2025
        harness.member("early", day("2024-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY,
                null));
        harness.member("late", day("2025-08-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY,
                null));

        assertThat(harness.count("XA1", Counters.ADMITTED)).isEqualTo(1);
        assertThat(harness.count("XA2", Counters.ADMITTED)).isEqualTo(1);
        assertThat(harness.count("XA1", MEMBERS)).isZero();
        assertThat(harness.count("XA2", MEMBERS)).isEqualTo(2);
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2025, 6))).containsEntry(MEMBERS, 1L);
        assertThat(Figures.stockAt(harness.counts("XA2"), YearMonth.of(2025, 6))).doesNotContainKey(MEMBERS);
        assertThat(harness.count("TQ", MEMBERS)).isEqualTo(2);
    }

    @Test
    void a_move_recorded_after_later_events_moves_those_events_to_the_new_line() {
        harness.member("before", day("2024-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY,
                null));
        harness.member("after", day("2025-08-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY,
                null));
        harness.organization("C1", day("2025-07-01"), new OrganizationMoved("XA2", "XA1"));

        assertThat(harness.count("XA1", Counters.ADMITTED)).isEqualTo(1);
        assertThat(harness.count("XA2", Counters.ADMITTED)).isEqualTo(1);
        assertThat(harness.inMonth("XA2", "2025-08", Counters.ADMITTED)).isEqualTo(1);
        assertThat(harness.inMonth("XA1", "2025-08", Counters.ADMITTED)).isZero();
        assertThat(harness.count("XA1", MEMBERS)).isZero();
        assertThat(harness.count("XA2", MEMBERS)).isEqualTo(2);
    }

    @Test
    void an_event_of_a_merged_organisation_counts_by_its_month_before_or_after_the_merger() {
        harness.organization("C3", day("2025-07-01"), new OrganizationMerged(List.of("C1")));
        harness.member("before", day("2024-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY,
                null));
        harness.member("after", day("2025-09-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY,
                null));

        assertThat(harness.count("C1", Counters.ADMITTED)).isEqualTo(1);
        assertThat(harness.count("XA1", Counters.ADMITTED)).isEqualTo(1);
        assertThat(harness.count("C3", Counters.ADMITTED)).isEqualTo(1);
        assertThat(harness.count("C1", MEMBERS)).isZero();
        assertThat(harness.count("C3", MEMBERS)).isEqualTo(2);
        assertThat(harness.count("XA1", MEMBERS)).isZero();
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2025, 6))).containsEntry(MEMBERS, 1L);
    }

    @Test
    void an_organisation_merged_away_still_answers_for_the_time_before_the_merger() {
        harness.member("a", day("2020-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));
        harness.member("b", day("2020-03-11"), admitted("C3", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));

        harness.organization("C1", day("2025-07-01"), new OrganizationDissolved("merged into C3", "C3"));
        harness.organization("C3", day("2025-07-01"), new OrganizationMerged(List.of("C1")));

        var c1 = harness.counts("C1");
        assertThat(c1.mergedInto()).isEqualTo("C3");
        assertThat(Figures.stockAt(c1, YearMonth.of(2025, 6))).containsEntry(MEMBERS, 1L);
        assertThat(Figures.stockAt(c1, YearMonth.of(2025, 7))).doesNotContainKey(MEMBERS);
        assertThat(c1.counters()).containsEntry(Counters.ADMITTED, 1L);
        assertThat(harness.count("C3", MEMBERS)).isEqualTo(2);
        assertThat(Figures.stockAt(harness.counts("C3"), YearMonth.of(2025, 6))).containsEntry(MEMBERS, 1L);
        assertThat(harness.count("XA1", MEMBERS)).isZero();
        assertThat(harness.count("TQ", MEMBERS)).isEqualTo(2);
        assertThat(harness.count("TQ", Counters.CELLS)).isEqualTo(2);
        assertThat(Figures.stockAt(harness.counts("TQ"), YearMonth.of(2025, 6))).containsEntry(Counters.CELLS, 3L);
    }

    @Test
    void meetings_count_by_kind_attendance_visits_and_grade_in_the_meeting_month() {
        harness.meeting("C1", day("2025-09-05"), held("m1", MeetingKind.REGULAR, "2025-09-05",
                List.of(AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED),
                List.of(new Guest("Đ/c Bí thư", "XA1", OrgLevel.COMMUNE))));
        harness.meeting("C1", day("2025-09-05"), new MeetingGraded("m1", true, MeetingGrade.GOOD, 92, List.of(),
                null));
        harness.meeting("C2", day("2025-09-30"), held("m2", MeetingKind.COMBINED, "2025-09-30",
                List.of(AttendanceStatus.PRESENT, AttendanceStatus.UNEXCUSED), List.of()));
        harness.meeting("C2", day("2025-09-30"), new MeetingGraded("m2", false, MeetingGrade.AVERAGE, 55,
                List.of("unexcused absence"), null));
        // the commune's committee overrides the grade later
        harness.meeting("C2", day("2025-10-20"), new MeetingGraded("m2", false, MeetingGrade.POOR, 55,
                List.of("override"), new GradeOverride(MeetingGrade.AVERAGE, "XA1", "biên bản sơ sài")));

        assertThat(harness.inMonth("XA1", "2025-09", Counters.MEETINGS_HELD)).isEqualTo(2);
        assertThat(harness.inMonth("XA1", "2025-09", "meetings.regular")).isEqualTo(1);
        assertThat(harness.inMonth("XA1", "2025-09", "meetings.combined")).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2025-09", Counters.ATTENDANCE_EXPECTED)).isEqualTo(5);
        assertThat(harness.inMonth("TQ", "2025-09", Counters.ATTENDANCE_PRESENT)).isEqualTo(3);
        assertThat(harness.inMonth("TQ", "2025-09", Counters.ATTENDANCE_UNEXCUSED)).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2025-09", Counters.VISITS)).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2025-09", Counters.QUALITY_MET)).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2025-09", "meetings.grade.good")).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2025-09", "meetings.grade.average")).isZero();
        assertThat(harness.inMonth("TQ", "2025-09", "meetings.grade.poor")).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2025-10", "meetings.grade.poor")).isZero();
    }

    @Test
    void a_breach_counts_in_its_period_and_a_retraction_takes_it_back() {
        harness.meeting("C1", day("2026-02-28"), new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING,
                "2026-02"));
        harness.meeting("C2", day("2026-03-31"), new CellMeetingBreachDetected(BreachKind.NO_THEMATIC_MEETING,
                "2026-Q1"));
        harness.meeting("C3", day("2026-02-28"), new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING,
                "2026-02"));
        harness.meeting("C3", day("2026-04-10"), new CellMeetingBreachRetracted(BreachKind.NO_REGULAR_MEETING,
                "2026-02", "late-minutes"));

        assertThat(harness.inMonth("TQ", "2026-02", "breaches.no_regular_meeting")).isEqualTo(1);
        assertThat(harness.inMonth("TQ", "2026-03", "breaches.no_thematic_meeting")).isEqualTo(1);
        assertThat(harness.inMonth("XA2", "2026-02", "breaches.no_regular_meeting")).isZero();
        assertThat(harness.count("TQ", "breaches.no_regular_meeting")).isEqualTo(1);
    }

    @Test
    void member_and_cell_ratings_are_counted_by_year_and_level() {
        harness.member("a", day("2020-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));
        harness.member("b", day("2020-03-10"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY, null));
        harness.member("a", day("2025-12-15"), new MemberRated(2025, RatingLevel.EXCELLENT, 95));
        harness.member("b", day("2025-12-15"), new MemberRated(2025, RatingLevel.GOOD, 80));
        harness.meeting("C1", day("2025-12-20"), new CellRated(2025, RatingLevel.EXCELLENT, 96, true));

        assertThat(harness.count("TQ", "ratings.members.2025.excellent")).isEqualTo(1);
        assertThat(harness.count("TQ", "ratings.members.2025.good")).isEqualTo(1);
        assertThat(harness.count("XA1", "ratings.cells.2025.excellent")).isEqualTo(1);
        assertThat(harness.count("XA1", "ratings.cells.2025.four_good")).isEqualTo(1);
    }

    @Test
    void units_without_a_cell_or_a_resident_member_and_key_positions_held_by_members() {
        harness.organization("XA1", day("2025-01-01"), new UnitRegistered("thon-1", "Thôn 1", UnitKind.VILLAGE));
        harness.organization("XA1", day("2025-01-01"), new UnitRegistered("thon-2", "Thôn 2", UnitKind.VILLAGE));
        harness.organization("XA1", day("2025-01-01"), new UnitRegistered("truong", "Trường TH", UnitKind.SCHOOL));
        assertThat(harness.count("TQ", "units.village")).isEqualTo(2);
        assertThat(harness.count("TQ", "units.village.without_cell")).isEqualTo(2);
        assertThat(harness.count("TQ", "units.village.without_member")).isEqualTo(2);

        harness.organization("XA1", day("2025-02-01"), new UnitCovered("thon-1", "C1"));
        harness.member("a", day("2025-03-01"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY,
                "thon-1"));
        harness.organization("XA1", day("2025-03-01"), new PositionAssigned("thon-1", KeyPosition.VILLAGE_HEAD,
                "Ông A", "a"));
        harness.organization("XA1", day("2025-03-01"), new PositionAssigned("thon-2", KeyPosition.VILLAGE_HEAD,
                "Bà B", null));
        harness.organization("XA1", day("2025-03-01"), new PositionAssigned("thon-2", KeyPosition.FRONT_HEAD,
                "Ông C", null));

        assertThat(harness.count("XA1", "units.village.without_cell")).isEqualTo(1);
        assertThat(harness.count("XA1", "units.village.without_member")).isEqualTo(1);
        assertThat(harness.count("XA1", "units.school.without_member")).isEqualTo(1);
        assertThat(harness.count("TQ", "positions.village_head")).isEqualTo(2);
        assertThat(harness.count("TQ", "positions.village_head.members")).isEqualTo(1);
        assertThat(harness.count("TQ", "positions.front_head.members")).isZero();

        // the resident member leaves; the Front head's post falls vacant
        harness.member("a", day("2025-09-01"), new MemberDeceased(null));
        harness.organization("XA1", day("2025-09-02"), new PositionVacated("thon-2", KeyPosition.FRONT_HEAD));
        assertThat(harness.count("TQ", "units.village.without_member")).isEqualTo(2);
        assertThat(harness.count("TQ", "positions.front_head")).isZero();
        assertThat(Figures.stockAt(harness.counts("TQ"), YearMonth.of(2025, 6)))
                .containsEntry("units.village.without_member", 1L);
    }

    @Test
    void residents_counted_before_their_unit_is_registered_count_once_it_is() {
        harness.member("a", day("2025-03-01"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY,
                "ban-moi"));
        harness.organization("XA1", day("2025-04-01"), new UnitRegistered("ban-moi", "Bản Mới", UnitKind.VILLAGE));

        assertThat(harness.count("XA1", "units.village")).isEqualTo(1);
        assertThat(harness.count("XA1", "units.village.without_member")).isZero();
    }

    @Test
    void units_without_a_resident_member_follow_a_change_of_residence_in_the_month_of_the_move() {
        harness.organization("XA1", day("2025-01-01"), new UnitRegistered("thon-1", "Thôn 1", UnitKind.VILLAGE));
        harness.organization("XA1", day("2025-01-01"), new UnitRegistered("thon-2", "Thôn 2", UnitKind.VILLAGE));
        harness.member("a", day("2025-03-01"), admitted("C1", Sex.MALE, "Kinh", 1990, Education.UNIVERSITY,
                "thon-1"));
        harness.member("b", day("2025-03-01"), admitted("C1", Sex.FEMALE, "Tày", 1992, Education.UNIVERSITY,
                "thon-1"));
        assertThat(harness.count("XA1", "units.village.without_member")).as("thôn 2").isEqualTo(1);

        // a moves to thôn 2 in June: from then no village is without a resident member
        harness.member("a", day("2025-06-10"), new MemberResidenceChanged("thon-2", "XA1"));
        assertThat(harness.count("XA1", "units.village.without_member")).isZero();
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2025, 5)))
                .containsEntry("units.village.without_member", 1L);

        // a moves out of every registered unit in September: thôn 2 is without a resident member again
        harness.member("a", day("2025-09-01"), new MemberResidenceChanged(null, null));
        assertThat(harness.count("XA1", "units.village.without_member")).isEqualTo(1);
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2025, 8))
                .getOrDefault("units.village.without_member", 0L)).isZero();

        // a transfer to the place of residence brings a back to thôn 2; b leaving the party empties thôn 1
        harness.member("a", day("2025-10-01"), new MemberTransferStarted(TransferKind.TO_RESIDENCE, "C1", "XA1",
                "C2", "retired"));
        harness.member("a", day("2025-10-20"), new MemberTransferReceived("C2", "thon-2"));
        assertThat(harness.count("XA1", "units.village.without_member")).isZero();
        harness.member("b", day("2025-11-05"), new MemberDeceased(null));
        assertThat(harness.count("XA1", "units.village.without_member")).isEqualTo(1);
    }

    @Test
    void a_resident_entered_late_covers_the_village_from_their_own_month_in_effective_time() {
        harness.organization("XA1", day("2020-01-01"), new UnitRegistered("thon-1", "Thôn 1", UnitKind.VILLAGE));
        harness.member("a", day("2020-05-01"), admitted("C1", Sex.MALE, "Kinh", 1960, Education.UNIVERSITY, null));
        // a retires to thôn 1 in August 2025: recorded first
        harness.member("a", day("2025-08-01"), new MemberResidenceChanged("thon-1", "XA1"));
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2024, 3)))
                .containsEntry("units.village.without_member", 1L);

        // then the paper register's 2024 admission of b, who lives in thôn 1, is entered
        harness.member("b", day("2024-03-15"), admitted("C1", Sex.FEMALE, "Tày", 1990, Education.UNIVERSITY,
                "thon-1"));

        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2024, 2)))
                .containsEntry("units.village.without_member", 1L);
        for (YearMonth covered : List.of(YearMonth.of(2024, 3), YearMonth.of(2025, 7), YearMonth.of(2025, 8))) {
            assertThat(Figures.stockAt(harness.counts("XA1"), covered).getOrDefault("units.village.without_member",
                    0L)).as("without a resident member at the end of %s", covered).isZero();
        }
        assertThat(harness.count("XA1", "units.village.without_member")).isZero();
        // and when b dies in 2026, a still lives there
        harness.member("b", day("2026-01-10"), new MemberDeceased(null));
        assertThat(harness.count("XA1", "units.village.without_member")).isZero();
    }

    @Test
    void a_resident_dated_before_the_village_was_registered_counts_from_its_registration() {
        harness.organization("XA1", day("2021-01-01"), new UnitRegistered("ban-moi", "Bản Mới", UnitKind.VILLAGE));
        harness.member("b", day("2019-06-01"), admitted("C1", Sex.FEMALE, "Dao", 1985, Education.UNIVERSITY,
                "ban-moi"));

        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2020, 12))
                .getOrDefault("units.village.without_member", 0L)).as("before the registration").isZero();
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2021, 1))
                .getOrDefault("units.village.without_member", 0L)).isZero();
        harness.member("b", day("2022-05-03"), new MemberDeceased(null));
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2022, 4))
                .getOrDefault("units.village.without_member", 0L)).isZero();
        assertThat(Figures.stockAt(harness.counts("XA1"), YearMonth.of(2022, 5)))
                .containsEntry("units.village.without_member", 1L);
    }

    @Test
    void a_repeated_meeting_event_changes_nothing() {
        var held = harness.meeting("C1", day("2025-09-05"), held("m1", MeetingKind.REGULAR, "2025-09-05",
                List.of(AttendanceStatus.PRESENT), List.of()));
        harness.pipe(held);
        assertThat(harness.count("C1", Counters.MEETINGS_HELD)).isEqualTo(1);
        assertThat(harness.duplicates).contains(chibo.contracts.Topics.MEETING);
    }

    @Test
    void an_unreadable_meeting_record_goes_to_the_dead_letter_topic_and_the_next_is_applied() {
        ProducerRecord<String, byte[]> good = CloudEventsKafka.toRecord(harness.meeting("C1", day("2025-09-05"),
                held("m1", MeetingKind.REGULAR, "2025-09-05", List.of(AttendanceStatus.PRESENT), List.of())));
        harness.pipe(new ProducerRecord<>(good.topic(), null, "C1", "{not json".getBytes(StandardCharsets.UTF_8),
                good.headers()));
        harness.meeting("C1", day("2025-10-03"), held("m2", MeetingKind.THEMATIC, "2025-10-03",
                List.of(AttendanceStatus.PRESENT), List.of()));

        assertThat(harness.meetingDeadLetters()).hasSize(1);
        assertThat(harness.count("C1", Counters.MEETINGS_HELD)).isEqualTo(2);
        assertThat(harness.count("C1", "meetings.thematic")).isEqualTo(1);
    }

    private static MeetingHeld held(String meetingId, MeetingKind kind, String date, List<AttendanceStatus> statuses,
                                    List<Guest> guests) {
        LocalDateTime start = LocalDate.parse(date).atTime(19, 30);
        List<Attendance> attendance = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            attendance.add(new Attendance("member-" + i, statuses.get(i),
                    statuses.get(i) == AttendanceStatus.EXCUSED ? "ốm" : null));
        }
        return new MeetingHeld(meetingId, kind, "Sinh hoạt", start, start.plusMinutes(120), "Nhà văn hóa", "member-0",
                "member-1", attendance, guests, new Preparation(true, true, true), true, List.of());
    }
}
