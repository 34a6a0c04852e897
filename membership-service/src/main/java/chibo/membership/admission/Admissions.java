package chibo.membership.admission;

import chibo.contracts.EventDraft;
import chibo.contracts.member.AwarenessCertificate;
import chibo.contracts.member.Introducer;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Vote;
import chibo.membership.member.MemberState;
import chibo.membership.member.MemberView;
import chibo.membership.organization.Ids;
import chibo.membership.organization.Organization;
import chibo.membership.organization.Organizations;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/**
 * Admits new members. Checks that the cell and the deciding committee exist and lie in the caller's subtree,
 * and that the dates are in order; the charter's admission rules by effective date come with the lifecycle work.
 */
@Service
public class Admissions {

    private final AggregateStore<MemberState> members;
    private final Organizations organizations;
    private final SubtreeGuard guard;

    Admissions(AggregateStore<MemberState> members, Organizations organizations, SubtreeGuard guard) {
        this.members = members;
        this.organizations = organizations;
        this.guard = guard;
    }

    public MemberView admit(Caller caller, AdmitMemberRequest request) {
        Organization cell = organizations.findActive(request.cellId())
                .orElseThrow(() -> Problems.unknownReference("cellId", "cell", request.cellId()));
        if (!cell.level().holdsMembers()) {
            throw Problems.invalid("cellId", "holds-members", "'" + cell.id() + "' is a " + cell.level()
                    + ", not a cell: members belong to cells");
        }
        organizations.findActive(request.decidingOrgId())
                .orElseThrow(() -> Problems.unknownReference("decidingOrgId", "organisation",
                        request.decidingOrgId()));
        guard.requireWithin(caller, cell.id(), "cellId");
        guard.requireWithin(caller, request.decidingOrgId(), "decidingOrgId");
        if (!request.person().birthDate().isBefore(request.decisionDate())) {
            throw Problems.invalid("person.birthDate", "before-decision", "the birth date must be before the"
                    + " decision date " + request.decisionDate());
        }
        if (request.cellResolutionDate().isAfter(request.decisionDate())) {
            throw Problems.invalid("cellResolutionDate", "not-after-decision", "the cell's resolution cannot"
                    + " come after the decision of " + request.decisionDate());
        }

        String memberId = Ids.orGenerate(request.memberId());
        EventDraft admitted = new EventDraft(memberId, request.decisionDate(), request.decidingOrgId(),
                request.decisionNumber(), UUID.randomUUID(), null, admittedEvent(request));
        var result = members.execute(memberId, current -> {
            if (current.exists()) {
                throw Problems.alreadyExists("memberId", "member", memberId);
            }
            return List.of(admitted);
        });
        return MemberView.of(result.current().state(), result.current().seq());
    }

    private static MemberAdmitted admittedEvent(AdmitMemberRequest request) {
        AdmitMemberRequest.PersonRequest p = request.person();
        AdmitMemberRequest.VoteRequest v = request.vote();
        AdmitMemberRequest.CertificateRequest c = request.awarenessCertificate();
        return new MemberAdmitted(
                new Person(p.fullName().strip(), p.birthDate(), p.sex(), p.ethnicity().strip(), p.education(),
                        p.residenceUnitId()),
                request.cellId(),
                request.cellResolutionDate(),
                new Vote(v.officialMembers(), v.temporarilyTransferredOut(), v.exemptedAbsent(), v.inFavour()),
                request.introducers().stream().map(i -> new Introducer(i.memberId(), i.workedWithSince())).toList(),
                request.youthUnionIntroduced(),
                c == null ? null : new AwarenessCertificate(c.number(), c.issuedOn()));
    }
}
