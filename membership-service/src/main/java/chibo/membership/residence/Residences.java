package chibo.membership.residence;

import chibo.contracts.member.MemberResidenceChanged;
import chibo.membership.member.MemberDecisions;
import chibo.membership.member.MemberView;
import chibo.membership.member.Transitions;
import chibo.membership.organization.Organization;
import chibo.membership.organization.Organizations;
import chibo.membership.rules.Command;
import chibo.platform.security.Caller;
import chibo.platform.web.Problems;
import org.springframework.stereotype.Service;

/**
 * A member's place of residence (village, residential group), a fact with history: the member's cell records a move
 * to a unit an organisation registered, or out of every registered unit.
 */
@Service
public class Residences {

    private final MemberDecisions decisions;
    private final Organizations organizations;

    Residences(MemberDecisions decisions, Organizations organizations) {
        this.decisions = decisions;
        this.organizations = organizations;
    }

    /** Only a member moves in chibo's books: one who left is no longer counted where they live. */
    public MemberView change(Caller caller, String memberId, Long version, ResidenceRequest request) {
        requireRegistered(request);
        return decisions.decide(caller, memberId, version, request, "change residence", Transitions.ACTIVE,
                Command.RESIDENCE_CHANGE,
                context -> new ResidenceFacts(context.member().residenceUnitId(), request.residenceUnitId(),
                        request.effectiveDate(), context.decidingOrg().level(), context.decidedInLine(),
                        context.today()),
                context -> new MemberResidenceChanged(request.residenceUnitId(), request.unitOrgId()));
    }

    /** The unit and the organisation that registered it come together, and it is among that organisation's units. */
    private void requireRegistered(ResidenceRequest request) {
        if (request.residenceUnitId() == null) {
            if (request.unitOrgId() != null) {
                throw Problems.invalid("residenceUnitId", "given-with-unitOrgId", "name the unit of organisation '"
                        + request.unitOrgId() + "' the member moved to, or neither to say they left every unit");
            }
            return;
        }
        if (request.unitOrgId() == null) {
            throw Problems.invalid("unitOrgId", "given-with-residenceUnitId", "name the organisation that"
                    + " registered unit '" + request.residenceUnitId() + "' (see /organizations/{id}/units)");
        }
        Organization registrar = organizations.find(request.unitOrgId())
                .orElseThrow(() -> Problems.unknownReference("unitOrgId", "organisation", request.unitOrgId()));
        if (!registrar.units().containsKey(request.residenceUnitId())) {
            throw Problems.unknownReference("residenceUnitId", "unit of organisation '" + registrar.id() + "'",
                    request.residenceUnitId());
        }
    }
}
