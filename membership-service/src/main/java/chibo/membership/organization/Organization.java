package chibo.membership.organization;

import chibo.contracts.EventEnvelope;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;
import chibo.contracts.organization.PositionAssigned;
import chibo.contracts.organization.PositionVacated;
import chibo.contracts.organization.UnitCovered;
import chibo.contracts.organization.UnitRegistered;

import java.time.LocalDate;

/**
 * A party organisation as its events leave it. The tree is kept as parent pointers; an organisation's lineage is
 * found by walking them, so a move never has to touch its descendants.
 */
public record Organization(String id, String name, OrgLevel level, String parentId, Status status,
                           LocalDate since) {

    public enum Status {
        ACTIVE, MERGED_AWAY, DISSOLVED
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public static Organization apply(Organization state, EventEnvelope event) {
        if (!(event.payload() instanceof OrganizationEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not an organisation event");
        }
        return switch (payload) {
            case OrganizationRegistered e ->
                    new Organization(event.subject(), e.name(), e.level(), e.parentId(), Status.ACTIVE,
                            event.effectiveDate());
            case OrganizationRenamed e -> state.with(e.name(), state.parentId(), state.status());
            case OrganizationMoved e -> state.with(state.name(), e.newParentId(), state.status());
            case OrganizationMerged e -> state;
            case OrganizationDissolved e -> state.with(state.name(), state.parentId(), Status.DISSOLVED);
            case UnitRegistered e -> state;
            case UnitCovered e -> state;
            case PositionAssigned e -> state;
            case PositionVacated e -> state;
        };
    }

    private Organization with(String newName, String newParentId, Status newStatus) {
        return new Organization(id, newName, level, newParentId, newStatus, since);
    }
}
