package chibo.membership.admission;

import chibo.contracts.member.AwarenessCertificate;
import chibo.contracts.member.Introducer;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Vote;
import chibo.membership.member.MemberView;
import chibo.membership.member.NewMemberships;
import chibo.membership.rules.Command;
import chibo.platform.security.Caller;
import org.springframework.stereotype.Service;

import java.util.List;

/** Admits new members (kết nạp) under the rules in force on the decision's date. */
@Service
public class Admissions {

    private final NewMemberships memberships;
    private final AdmissionSupport support;

    Admissions(NewMemberships memberships, AdmissionSupport support) {
        this.memberships = memberships;
        this.support = support;
    }

    public MemberView admit(Caller caller, AdmitMemberRequest request) {
        Person person = request.person().toPerson();
        Vote vote = request.vote().toVote();
        AdmitMemberRequest.CertificateRequest c = request.awarenessCertificate();
        AwarenessCertificate certificate = c == null ? null : new AwarenessCertificate(c.number(), c.issuedOn());
        List<IntroducerFacts> introducers = support.introducers(request.introducers(), request.cellResolutionDate());
        return memberships.create(caller, request.memberId(), request.cellId(), request.decidingOrgId(),
                request.decisionDate(), request.cellResolutionDate(), request.decisionNumber(), Command.ADMISSION,
                context -> new AdmissionFacts(person, request.cellResolutionDate(), request.decisionDate(),
                        request.specialCase(), vote, introducers, request.youthUnionIntroduced(), certificate,
                        context.decidingOrg().level(), context.decidedInLine(), context.today(),
                        request.educationException()),
                context -> new MemberAdmitted(person, request.cellId(), request.cellResolutionDate(), vote,
                        request.introducers().stream().map(i -> new Introducer(i.memberId(), i.workedWithSince()))
                                .toList(),
                        request.youthUnionIntroduced(), certificate), null);
    }
}
