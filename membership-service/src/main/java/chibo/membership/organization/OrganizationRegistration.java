package chibo.membership.organization;

import chibo.contracts.EventDraft;
import chibo.contracts.VietnamTime;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.membership.rules.Ids;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Correlation;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Registers organisations under a parent inside the caller's subtree. */
@Service
public class OrganizationRegistration {


    private final AggregateStore<Organization> store;
    private final Organizations organizations;
    private final SubtreeGuard guard;
    private final Clock clock;

    OrganizationRegistration(AggregateStore<Organization> store, Organizations organizations, SubtreeGuard guard,
                             Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.guard = guard;
        this.clock = clock;
    }

    public OrganizationView register(Caller caller, RegisterOrganizationRequest request) {
        String id = Ids.orGenerate(request.id());
        LocalDate effective = request.effectiveDate() != null ? request.effectiveDate() : VietnamTime.today(clock);
        String actingOrg;
        if (request.parentId() == null) {
            if (request.level() != OrgLevel.CENTRAL) {
                throw Problems.invalid("parentId", "required", "every organisation but the central root has a"
                        + " parent");
            }
            if (!id.equals(caller.org())) {
                throw Problems.outsideSubtree("id", id, caller.org());
            }
            actingOrg = id;
        } else {
            Organization parent = organizations.findActive(request.parentId())
                    .orElseThrow(() -> Problems.unknownReference("parentId", "organisation", request.parentId()));
            guard.requireWithin(caller, parent.id(), "parentId");
            ExistedOnDate.require(parent, effective, "parentId", "the parent", "the founding date");
            if (!OrganizationRules.mayHaveParent(request.level(), parent.level())) {
                throw Problems.ruleViolation("organization.level-under-parent", "Điều lệ Đảng, chương III",
                        "level", "a " + request.level() + " sits under " + OrganizationRules.allowedParents(
                                request.level()) + ", not under a " + parent.level());
            }
            actingOrg = parent.id();
            if (!OrganizationRules.levelExistsOn(parent.level(), effective)) {
                throw Problems.ruleViolation("organization.no-district-level", "QĐ 294-QĐ/TW (01/07/2025)",
                        "parentId", "there is no district level on or after "
                                + OrganizationRules.DISTRICT_LEVEL_ABOLISHED + ": nothing is founded under '"
                                + parent.id() + "'");
            }
        }
        if (!OrganizationRules.levelExistsOn(request.level(), effective)) {
            throw Problems.ruleViolation("organization.no-district-level", "QĐ 294-QĐ/TW (01/07/2025)", "level",
                    "there is no district level on or after " + OrganizationRules.DISTRICT_LEVEL_ABOLISHED);
        }
        EventDraft draft = new EventDraft(id, effective, actingOrg, request.decisionNumber(), Correlation.current(),
                null, new OrganizationRegistered(request.name().strip(), request.level(), request.parentId()));
        var result = store.create(id, current -> {
            if (current.exists()) {
                throw Problems.alreadyExists("id", "organisation", id);
            }
            return List.of(draft);
        });
        Organization registered = result.current().state();
        return view(registered, result.current().seq());
    }

    public OrganizationView view(Organization organization, long version) {
        return new OrganizationView(organization.id(), organization.name(), organization.level(),
                organization.parentId(), organizations.lineage(organization.id()), organization.status(),
                organization.since(), version);
    }
}
