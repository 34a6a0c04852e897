package chibo.membership.organization;

import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Current;
import chibo.platform.security.OrgDirectory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads of the organisation tree: one organisation by id, and its lineage (root first) by walking parent
 * pointers, each an {@code _id} lookup. An organisation merged into another continues in its successor's line, so
 * the children of a merged organisation need no re-parenting.
 */
@Component
public class Organizations implements OrgDirectory {

    private final AggregateStore<Organization> store;

    Organizations(AggregateStore<Organization> store) {
        this.store = store;
    }

    public Optional<Organization> find(String orgId) {
        Current<Organization> current = store.load(orgId);
        return current.exists() ? Optional.of(current.state()) : Optional.empty();
    }

    public Optional<Organization> findActive(String orgId) {
        return find(orgId).filter(Organization::isActive);
    }

    @Override
    public List<String> lineage(String orgId) {
        return OrgDirectory.walk(orgId,
                id -> find(id).map(organization -> Objects.requireNonNullElse(organization.upward(), "")));
    }
}
