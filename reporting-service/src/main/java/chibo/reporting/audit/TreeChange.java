package chibo.reporting.audit;

import chibo.contracts.EventPayload;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.OrganizationRenamed;

import java.util.List;

/**
 * How an organisation event changes the tree the audit walks for a subtree. A merged organisation, or a dissolved
 * one with a successor, hangs under the organisation that took it over, with its own subtree: its history is part
 * of its successor's from then on, and stays its own.
 */
sealed interface TreeChange {

    /** The organisation whose parent this change sets, or null. */
    default String child() {
        return null;
    }

    /** Its new parent, or null for a root. */
    default String newParent() {
        return null;
    }

    record Registered(String orgId, String name, String level, String parentId) implements TreeChange {
        @Override
        public String child() {
            return orgId;
        }

        @Override
        public String newParent() {
            return parentId;
        }
    }

    record Renamed(String orgId, String name) implements TreeChange {
    }

    record Moved(String orgId, String parentId) implements TreeChange {
        @Override
        public String child() {
            return orgId;
        }

        @Override
        public String newParent() {
            return parentId;
        }
    }

    /** {@code sourceId} was merged into, or dissolved with {@code targetId} as successor. */
    record TakenOver(String sourceId, String targetId, boolean merged) implements TreeChange {
        @Override
        public String child() {
            return sourceId;
        }

        @Override
        public String newParent() {
            return targetId;
        }
    }

    record Dissolved(String orgId) implements TreeChange {
    }

    static List<TreeChange> of(String orgId, EventPayload payload) {
        return switch (payload) {
            case OrganizationRegistered e -> List.of(new Registered(orgId, e.name(),
                    e.level() == null ? null : e.level().name(), e.parentId()));
            case OrganizationRenamed e -> List.of(new Renamed(orgId, e.name()));
            case OrganizationMoved e -> List.of(new Moved(orgId, e.newParentId()));
            case OrganizationMerged e -> e.sourceIds().stream()
                    .<TreeChange>map(source -> new TakenOver(source, orgId, true)).toList();
            case OrganizationDissolved e -> e.successorId() == null ? List.of(new Dissolved(orgId))
                    : List.of(new Dissolved(orgId), new TakenOver(orgId, e.successorId(), false));
            default -> List.of();
        };
    }
}
