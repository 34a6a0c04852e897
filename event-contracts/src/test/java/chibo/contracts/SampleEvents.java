package chibo.contracts;

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
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.contracts.meeting.Preparation;
import chibo.contracts.meeting.Resolution;
import chibo.contracts.member.AwarenessCertificate;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.DisciplineLevel;
import chibo.contracts.member.Education;
import chibo.contracts.member.Introducer;
import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.LiaisonCategory;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberDisciplined;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.MemberReviewClosed;
import chibo.contracts.member.MemberReviewOpened;
import chibo.contracts.member.ReviewKind;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberResidenceChanged;
import chibo.contracts.member.MemberResidenceLiaisonRegistered;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberSwornIn;
import chibo.contracts.member.MemberTemporaryTransferEnded;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Provenance;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.member.Sex;
import chibo.contracts.member.TemporaryReason;
import chibo.contracts.member.TransferKind;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.KeyPosition;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;
import chibo.contracts.organization.PositionAssigned;
import chibo.contracts.organization.PositionVacated;
import chibo.contracts.organization.UnitCovered;
import chibo.contracts.organization.UnitKind;
import chibo.contracts.organization.UnitRegistered;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** One realistic payload per event type, and a builder for sealed envelopes around them. */
final class SampleEvents {

    static final Person PERSON = new Person("Nguyễn Thị Hoa", LocalDate.of(1995, 3, 14), Sex.FEMALE, "Tày",
            Education.UNIVERSITY, "TQ-CH-THON-1");
    static final Vote VOTE = new Vote(15, 1, 0, 13);

    private SampleEvents() {
    }

    static List<EventPayload> all() {
        return List.of(
                new OrganizationRegistered("Chi bộ thôn Nà Tông", OrgLevel.CELL, "TQ-CH-XA-1"),
                new OrganizationRenamed("Chi bộ thôn Nà Tông 2", "Chi bộ thôn Nà Tông"),
                new OrganizationMoved("TQ-XA-2", "TQ-CH-XA-1"),
                new OrganizationMerged(List.of("TQ-CB-1", "TQ-CB-2")),
                new OrganizationDissolved("merged into the commune committee", "TQ-CH-XA-2"),
                new UnitRegistered("TQ-CH-THON-1", "Thôn Nà Tông", UnitKind.VILLAGE),
                new UnitCovered("TQ-CH-THON-1", "TQ-CB-1"),
                new PositionAssigned("TQ-CH-THON-1", KeyPosition.VILLAGE_HEAD, "Ma Văn Tiến", "m-42"),
                new PositionVacated("TQ-CH-THON-1", KeyPosition.FRONT_HEAD),
                new MemberEnrolledFromRegister(PERSON, MemberStatus.OFFICIAL, "TQ-CB-1", LocalDate.of(2010, 5, 19),
                        LocalDate.of(2011, 5, 19), "TQ-0001234", false,
                        new Provenance("Sổ đảng viên Chiêm Hóa 2010", "ban-to-chuc-chiem-hoa")),
                new MemberAdmitted(PERSON, "TQ-CB-1", LocalDate.of(2024, 2, 1), VOTE,
                        List.of(new Introducer("m-1", LocalDate.of(2022, 1, 1)),
                                new Introducer("m-2", LocalDate.of(2021, 6, 1))),
                        false, new AwarenessCertificate("NT-2023-115", LocalDate.of(2023, 4, 2))),
                new MemberSwornIn(LocalDate.of(2025, 3, 10)),
                new MemberRecognized(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 20), "TQ-0045678"),
                new MemberProbationFailed(LocalDate.of(2025, 3, 20), "did not meet the standards of membership"),
                new MemberTransferStarted(TransferKind.OFFICIAL, "TQ-CB-1", "HN-CB-7", null, "new job in Hà Nội"),
                new MemberTransferReceived("HN-CB-7"),
                new MemberTemporaryTransferStarted("HN-CB-9", TemporaryReason.STUDY, LocalDate.of(2026, 6, 30)),
                new MemberTemporaryTransferEnded("HN-CB-9"),
                new MemberResidenceLiaisonRegistered("TQ-CB-3", LiaisonCategory.REGULAR),
                new MemberResidenceChanged("TQ-CH-THON-2", "TQ-CH-XA-2"),
                new MemberExempted("aged and in poor health"),
                new MemberDisciplined(DisciplineLevel.REPRIMAND, "late dues", false),
                new MemberRemoved(RemovalGround.ABSENT_OR_UNPAID_THREE_MONTHS, "absent May–July",
                        LocalDate.of(2024, 8, 5)),
                new MemberLetGo(LetGoGround.ASKED_TO_LEAVE, null),
                new MemberExpelled("serious violation"),
                new MemberDeceased(null),
                new MemberReadmitted("m-old-7", PERSON, "TQ-CB-1", LocalDate.of(2025, 9, 1), VOTE,
                        List.of(new Introducer("m-1", LocalDate.of(2022, 1, 1)),
                                new Introducer("m-2", LocalDate.of(2021, 6, 1))),
                        "123-CV/TU", LocalDate.of(2008, 9, 2), LocalDate.of(2021, 4, 1)),
                new MemberRated(2025, RatingLevel.GOOD, 82),
                new MemberReviewOpened(ReviewKind.REMOVAL, "absences:2025",
                        "unexcused absence in 3 months of 2025", List.of("mt-2025-03", "mt-2025-05", "mt-2025-08")),
                new MemberReviewClosed(ReviewKind.REMOVAL, "absences:2025", "absences were for flood relief"),
                new MemberCorrected(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"), 4, "member.removed.v1",
                        CorrectionKind.APPEAL_UPHELD, "appeal upheld by the provincial inspection commission"),
                new MeetingHeld("mt-2025-03", MeetingKind.REGULAR, "Tháng 3: phát triển kinh tế thôn",
                        LocalDateTime.of(2025, 3, 5, 19, 30), LocalDateTime.of(2025, 3, 5, 21, 15), "Nhà văn hóa thôn",
                        "m-1", "m-2",
                        List.of(new Attendance("m-1", AttendanceStatus.PRESENT, null),
                                new Attendance("m-3", AttendanceStatus.EXCUSED, "ill")),
                        List.of(new Guest("Hoàng Văn Bình", "TQ-CH-XA-1", OrgLevel.COMMUNE)),
                        new Preparation(true, true, true), true,
                        List.of(new Resolution("repair the village road", "m-1", LocalDate.of(2025, 4, 30)))),
                new MeetingGraded("mt-2025-03", true, MeetingGrade.GOOD, 92, List.of("attendance 93%"),
                        new GradeOverride(MeetingGrade.FAIR, "TQ-CH-XA-1", "minutes verified complete")),
                new CellRated(2025, RatingLevel.EXCELLENT, 95, true),
                new CellMeetingBreachDetected(BreachKind.NO_REGULAR_MEETING, "2025-02"),
                new CellMeetingBreachRetracted(BreachKind.NO_REGULAR_MEETING, "2025-02", "mt-2025-02"),
                new MemberAbsenceThresholdReached("m-3", 3, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                        List.of("mt-2025-03", "mt-2025-05", "mt-2025-08")));
    }

    static EventDraft draft(String subject, EventPayload payload) {
        return new EventDraft(subject, LocalDate.of(2025, 3, 10), "TQ-CH-XA-1", "12-QĐ/ĐU", UUID.randomUUID(),
                null, payload);
    }

    static EventEnvelope sealed(String subject, long seq, String previousHash, EventPayload payload) {
        return HashChain.seal(draft(subject, payload), "/chibo/test", seq, previousHash, UUID.randomUUID(),
                Instant.parse("2025-03-10T08:15:30.123456Z"));
    }
}
