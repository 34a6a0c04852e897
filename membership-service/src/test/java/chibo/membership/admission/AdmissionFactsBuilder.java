package chibo.membership.admission;

import chibo.contracts.member.AwarenessCertificate;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Facts of an admission that passes every rule; each test changes the one thing it is about. */
public final class AdmissionFactsBuilder {

    public static final LocalDate RESOLUTION = LocalDate.of(2025, 9, 3);

    private LocalDate birthDate = LocalDate.of(1998, 4, 12);
    private Education education = Education.UNIVERSITY;
    private LocalDate cellResolutionDate = RESOLUTION;
    private LocalDate decisionDate = LocalDate.of(2025, 9, 22);
    private boolean specialCase;
    private Vote vote = new Vote(12, 1, 0, 8);
    private final List<IntroducerFacts> introducers = new ArrayList<>(List.of(
            new IntroducerFacts("m-1", LocalDate.of(2023, 1, 10), MemberStatus.OFFICIAL),
            new IntroducerFacts("m-2", LocalDate.of(2022, 6, 1), MemberStatus.OFFICIAL)));
    private boolean youthUnion;
    private AwarenessCertificate certificate = new AwarenessCertificate("NT-1", LocalDate.of(2024, 5, 2));
    private OrgLevel decidingLevel = OrgLevel.COMMUNE;
    private boolean decidedInLine = true;
    private LocalDate today = LocalDate.of(2025, 11, 1);
    private EducationException educationException;

    public static AdmissionFactsBuilder valid() {
        return new AdmissionFactsBuilder();
    }

    public AdmissionFactsBuilder bornOn(LocalDate date) {
        birthDate = date;
        return this;
    }

    public AdmissionFactsBuilder education(Education value) {
        education = value;
        return this;
    }

    public AdmissionFactsBuilder resolvedOn(LocalDate date) {
        cellResolutionDate = date;
        return this;
    }

    public AdmissionFactsBuilder decidedOn(LocalDate date) {
        decisionDate = date;
        return this;
    }

    public AdmissionFactsBuilder specialCase() {
        specialCase = true;
        return this;
    }

    public AdmissionFactsBuilder vote(Vote value) {
        vote = value;
        return this;
    }

    public AdmissionFactsBuilder introducers(IntroducerFacts... values) {
        introducers.clear();
        introducers.addAll(List.of(values));
        return this;
    }

    public AdmissionFactsBuilder educationException(EducationException.Ground ground, String basis) {
        educationException = new EducationException(ground, basis);
        return this;
    }

    public AdmissionFactsBuilder youthUnion() {
        youthUnion = true;
        return this;
    }

    public AdmissionFactsBuilder certificate(AwarenessCertificate value) {
        certificate = value;
        return this;
    }

    public AdmissionFactsBuilder decidedBy(OrgLevel level) {
        decidingLevel = level;
        return this;
    }

    public AdmissionFactsBuilder decidedOutsideTheLine() {
        decidedInLine = false;
        return this;
    }

    public AdmissionFactsBuilder today(LocalDate date) {
        today = date;
        return this;
    }

    public AdmissionFacts build() {
        return new AdmissionFacts(new Person("Hoàng Thị Mai", birthDate, Sex.FEMALE, "Tày", education, null),
                cellResolutionDate, decisionDate, specialCase, vote, introducers, youthUnion, certificate,
                decidingLevel, decidedInLine, today, educationException);
    }
}
