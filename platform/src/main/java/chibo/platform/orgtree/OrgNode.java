package chibo.platform.orgtree;

import chibo.contracts.EventEnvelope;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationEvent;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;

/**
 * One organisation of a consumer's copy of the tree: as much as authorisation and roll-ups need. An organisation
 * merged into another has a {@code successorId}; its line continues there.
 */
public record OrgNode(String id, String name, OrgLevel level, String parentId, boolean active, String successorId) {

    /** The next organisation up: the successor of a merged organisation, else the parent. */
    public String upward() {
        return successorId != null ? successorId : parentId;
    }

    public static OrgNode apply(OrgNode node, EventEnvelope event) {
        if (!(event.payload() instanceof OrganizationEvent payload)) {
            throw new IllegalArgumentException(event.type() + " is not an organisation event");
        }
        return switch (payload) {
            case OrganizationRegistered e -> new OrgNode(event.subject(), e.name(), e.level(), e.parentId(), true,
                    null);
            case OrganizationRenamed e -> new OrgNode(node.id(), e.name(), node.level(), node.parentId(),
                    node.active(), node.successorId());
            case OrganizationMoved e -> new OrgNode(node.id(), node.name(), node.level(), e.newParentId(),
                    node.active(), node.successorId());
            case OrganizationDissolved e -> new OrgNode(node.id(), node.name(), node.level(), node.parentId(),
                    false, e.successorId());
            default -> node;
        };
    }
}
