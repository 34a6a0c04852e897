package chibo.membership.organization;

import chibo.contracts.EventDraft;
import chibo.contracts.VietnamTime;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRenamed;
import chibo.contracts.organization.PositionAssigned;
import chibo.contracts.organization.PositionVacated;
import chibo.contracts.organization.UnitCovered;
import chibo.contracts.organization.UnitRegistered;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Correlation;
import chibo.platform.eventstore.Current;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import chibo.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Changes to organisations after their founding — renamed, moved under a new parent, merged, dissolved — and the
 * units they cover with their key positions. History is kept: a merged or dissolved organisation's figures stay
 * answerable, and it continues in its successor's line.
 */
@Service
public class OrganizationChanges {

    private final AggregateStore<Organization> store;
    private final MemberPlacements members;
    private final Organizations organizations;
    private final SubtreeGuard guard;
    private final Occupants occupants;
    private final Clock clock;

    OrganizationChanges(AggregateStore<Organization> store, MemberPlacements members,
                        Organizations organizations, SubtreeGuard guard, Occupants occupants, Clock clock) {
        this.store = store;
        this.members = members;
        this.organizations = organizations;
        this.guard = guard;
        this.occupants = occupants;
        this.clock = clock;
    }

    public OrganizationView rename(Caller caller, String orgId, OrganizationRequests.Rename request) {
        return change(caller, orgId, request.effectiveDate(), request.decisionNumber(), organization -> {
            if (organization.name().equals(request.name().strip())) {
                throw Problems.invalid("name", "changed", "the organisation already has that name");
            }
            return new OrganizationRenamed(request.name().strip(), organization.name());
        });
    }

    public OrganizationView move(Caller caller, String orgId, OrganizationRequests.Move request) {
        Organization parent = organizations.findActive(request.newParentId())
                .orElseThrow(() -> Problems.unknownReference("newParentId", "organisation", request.newParentId()));
        guard.requireWithin(caller, parent.id(), "newParentId");
        LocalDate effective = effective(request.effectiveDate());
        ExistedOnDate.require(parent, effective, "newParentId", "the new parent", "the move's date");
        return change(caller, orgId, effective, request.decisionNumber(), organization -> {
            if (organization.parentId() != null && organization.parentId().equals(parent.id())) {
                throw Problems.invalid("newParentId", "changed", "the organisation is already under '"
                        + parent.id() + "'");
            }
            if (organizations.lineage(parent.id()).contains(orgId)) {
                throw Problems.ruleViolation("organization.no-cycle", "Điều lệ Đảng, chương III", "newParentId",
                        "'" + parent.id() + "' lies under '" + orgId + "': an organisation cannot move into its own"
                                + " subtree");
            }
            requireTreeShape(organization, parent, effective, "newParentId");
            return new OrganizationMoved(parent.id(), organization.parentId());
        });
    }

    /**
     * The target records the merger; each source is dissolved with the target as its successor. A retry of the same
     * merger completes what a failure left undone.
     */
    public OrganizationView merge(Caller caller, String targetId, OrganizationRequests.Merge request) {
        LocalDate effective = effective(request.effectiveDate());
        List<String> sources = List.copyOf(new LinkedHashSet<>(request.sourceIds()));
        Organization target = organizations.find(targetId)
                .orElseThrow(() -> Problems.notFound("organisation", targetId));
        if (!target.isActive()) {
            throw inactive(target);
        }
        List<String> lineage = organizations.lineage(targetId);
        for (int i = 0; i < sources.size(); i++) {
            String sourceId = sources.get(i);
            String field = "sourceIds[" + i + "]";
            Organization source = organizations.find(sourceId)
                    .orElseThrow(() -> Problems.unknownReference(field, "organisation", sourceId));
            guard.requireWithin(caller, sourceId, field);
            if (sourceId.equals(targetId) || lineage.contains(sourceId)) {
                throw Problems.invalid(field, "not-target-or-ancestor", "an organisation is not merged into itself"
                        + " or into its own subtree");
            }
            if (source.level() != target.level()) {
                throw Problems.ruleViolation("organization.merge-same-level", "Điều lệ Đảng, chương III", field,
                        "a " + source.level() + " is not merged into a " + target.level());
            }
            boolean alreadyMergedHere = !source.isActive() && targetId.equals(source.successorId());
            if (!source.isActive() && !alreadyMergedHere) {
                throw Problems.invalid(field, "active", "'" + sourceId + "' no longer exists");
            }
        }
        OrganizationView merged = change(caller, targetId, effective, request.decisionNumber(),
                organization -> new OrganizationMerged(sources));
        for (String sourceId : sources) {
            organizations.forget(sourceId);
            store.execute(sourceId, current -> current.state().isActive()
                    ? List.of(draft(sourceId, effective, targetId, request.decisionNumber(),
                    new OrganizationDissolved("merged into " + targetId, targetId)))
                    : List.of());
        }
        return merged;
    }

    /**
     * Dissolves an organisation in which nothing remains ({@link EmptyBeforeDissolution}): the organisations under it
     * and its members have moved first. A dissolution that names where they go is a merger.
     */
    public OrganizationView dissolve(Caller caller, String orgId, OrganizationRequests.Dissolution request) {
        LocalDate effective = effective(request.effectiveDate());
        if (!occupants.built()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Not ready to dissolve",
                    "who is in each organisation is still being read from the stored events; try again shortly");
        }
        return change(caller, orgId, effective, request.decisionNumber(), organization -> {
            EmptyBeforeDissolution.require(orgId, remaining(orgId, effective));
            return new OrganizationDissolved(request.reason(), null);
        });
    }

    /** What remains in the organisation on the day: read from the records of everyone ever indexed in it. */
    private EmptyBeforeDissolution.Remaining remaining(String orgId, LocalDate day) {
        Map<String, Organization> read = new HashMap<>();
        Function<String, Optional<Organization>> organization = id -> Optional.ofNullable(read.computeIfAbsent(id,
                candidate -> {
                    Current<Organization> current = store.load(candidate);
                    return current.exists() ? current.state() : null;
                }));
        return EmptyBeforeDissolution.remaining(orgId, day, occupants::children, organization,
                members.findAll(occupants.members(orgId)));
    }

    public OrganizationView registerUnit(Caller caller, String orgId, OrganizationRequests.RegisterUnit request) {
        return change(caller, orgId, request.effectiveDate(), null, organization -> {
            if (organization.units().containsKey(request.unitId())) {
                throw Problems.alreadyExists("unitId", "unit", request.unitId());
            }
            return new UnitRegistered(request.unitId(), request.name().strip(), request.kind());
        });
    }

    public OrganizationView coverUnit(Caller caller, String orgId, String unitId,
                                      OrganizationRequests.CoverUnit request) {
        Organization cell = organizations.findActive(request.cellId())
                .orElseThrow(() -> Problems.unknownReference("cellId", "cell", request.cellId()));
        if (!cell.level().holdsMembers()) {
            throw Problems.invalid("cellId", "holds-members", "'" + cell.id() + "' is a " + cell.level()
                    + ", not a cell");
        }
        return change(caller, orgId, request.effectiveDate(), null, organization -> {
            unit(organization, unitId);
            if (!organizations.lineage(cell.id()).contains(orgId)) {
                throw Problems.invalid("cellId", "under-the-organisation", "cell '" + cell.id()
                        + "' is not under '" + orgId + "', which registered the unit");
            }
            return new UnitCovered(unitId, cell.id());
        });
    }

    public OrganizationView assignPosition(Caller caller, String orgId, String unitId,
                                           OrganizationRequests.AssignPosition request) {
        if (request.memberId() != null) {
            MemberPlacement member = members.find(request.memberId())
                    .orElseThrow(() -> Problems.unknownReference("memberId", "member", request.memberId()));
            if (!member.status().isActive()) {
                throw Problems.invalid("memberId", "active-member", "member '" + request.memberId() + "' is "
                        + member.status() + ", no longer a party member");
            }
        }
        return change(caller, orgId, request.effectiveDate(), null, organization -> {
            unit(organization, unitId);
            return new PositionAssigned(unitId, request.position(), request.holderName().strip(), request.memberId());
        });
    }

    public OrganizationView vacatePosition(Caller caller, String orgId, String unitId,
                                           OrganizationRequests.VacatePosition request) {
        return change(caller, orgId, request.effectiveDate(), null, organization -> {
            Organization.Unit unit = unit(organization, unitId);
            if (!unit.positions().containsKey(request.position())) {
                throw Problems.invalid("position", "held", "nobody holds " + request.position() + " in unit '"
                        + unitId + "'");
            }
            return new PositionVacated(unitId, request.position());
        });
    }

    private OrganizationView change(Caller caller, String orgId, LocalDate effectiveDate, String decisionNumber,
                                    Function<Organization, OrganizationEvent> decide) {
        LocalDate effective = effective(effectiveDate);
        organizations.forget(orgId);
        var result = store.execute(orgId, current -> {
            if (!current.exists()) {
                throw Problems.notFound("organisation", orgId);
            }
            Organization organization = current.state();
            guard.requireWithin(caller, orgId, "orgId");
            if (!organization.isActive()) {
                throw inactive(organization);
            }
            ExistedOnDate.require(organization, effective, "effectiveDate", "the organisation", "the change's date");
            return List.of(draft(orgId, effective, orgId, decisionNumber, decide.apply(organization)));
        });
        organizations.forget(orgId);
        return new OrganizationView(result.current().state().id(), result.current().state().name(),
                result.current().state().level(), result.current().state().parentId(), organizations.lineage(orgId),
                result.current().state().status(), result.current().state().since(), result.current().seq());
    }

    /** 409: a dissolved (or merged-away) organisation changes no more. */
    private static ProblemException inactive(Organization organization) {
        String why = "organisation '" + organization.id() + "' is " + organization.status()
                + (organization.successorId() != null ? ", merged into " + organization.successorId() : "");
        return new ProblemException(HttpStatus.CONFLICT, "illegal-transition",
                "Not possible in the organisation's current state", why,
                List.of(new FieldProblem("orgId", "active", why)),
                Map.of("currentStatus", organization.status().name()));
    }

    private void requireTreeShape(Organization organization, Organization parent, LocalDate effective, String field) {
        if (!OrganizationRules.mayHaveParent(organization.level(), parent.level())) {
            throw Problems.ruleViolation("organization.level-under-parent", "Điều lệ Đảng, chương III", field,
                    "a " + organization.level() + " sits under " + OrganizationRules.allowedParents(
                            organization.level()) + ", not under a " + parent.level());
        }
        if (!OrganizationRules.levelExistsOn(parent.level(), effective)) {
            throw Problems.ruleViolation("organization.no-district-level", "QĐ 294-QĐ/TW (01/07/2025)", field,
                    "there is no district level on or after " + OrganizationRules.DISTRICT_LEVEL_ABOLISHED);
        }
    }

    private static Organization.Unit unit(Organization organization, String unitId) {
        Organization.Unit unit = organization.units().get(unitId);
        if (unit == null) {
            throw Problems.notFound("unit", unitId);
        }
        return unit;
    }

    private LocalDate effective(LocalDate requested) {
        return requested != null ? requested : VietnamTime.today(clock);
    }

    private static EventDraft draft(String orgId, LocalDate effective, String actingOrg, String decisionNumber,
                                    OrganizationEvent event) {
        return new EventDraft(orgId, effective, actingOrg, decisionNumber, Correlation.current(), null, event);
    }
}
