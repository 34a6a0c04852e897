package chibo.membership.organization;

import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Current;
import chibo.platform.security.OrgDirectory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the organisation tree: one organisation by id, and its lineage (root first) by walking parent
 * pointers, each an {@code _id} lookup.
 */
@Component
public class Organizations implements OrgDirectory {

    private static final int MAX_DEPTH = 16;

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
        List<String> lineage = new ArrayList<>();
        String next = orgId;
        while (next != null && lineage.size() < MAX_DEPTH) {
            Optional<Organization> organization = find(next);
            if (organization.isEmpty()) {
                return lineage.isEmpty() ? List.of() : reversed(lineage);
            }
            lineage.add(next);
            next = organization.get().parentId();
        }
        return reversed(lineage);
    }

    private static List<String> reversed(List<String> lineage) {
        List<String> copy = new ArrayList<>(lineage);
        Collections.reverse(copy);
        return List.copyOf(copy);
    }
}
