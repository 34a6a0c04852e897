package chibo.membership.organization;

import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Current;
import chibo.platform.security.OrgDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Reads of the organisation tree: one organisation by id, and its lineage (root first) by walking parent
 * pointers, each an {@code _id} lookup. An organisation merged into another continues in its successor's line, so
 * the children of a merged organisation need no re-parenting.
 */
@Component
public class Organizations implements OrgDirectory {

    /**
     * How long an organisation read is reused. Every command checks lineages several times (subtree, competent
     * committee); organisations change rarely, this instance forgets its own changes at once, and another
     * instance's change is seen within this time.
     */
    static final Duration FRESH = Duration.ofSeconds(5);

    private final AggregateStore<Organization> store;
    private final Clock clock;
    private final Map<String, Cached> recent = new ConcurrentHashMap<>();

    Organizations(AggregateStore<Organization> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private record Cached(Organization organization, Instant readAt) {
    }

    public Optional<Organization> find(String orgId) {
        Instant now = clock.instant();
        Cached cached = recent.get(orgId);
        if (cached != null && cached.readAt().plus(FRESH).isAfter(now)) {
            return Optional.of(cached.organization());
        }
        Current<Organization> current = store.load(orgId);
        if (!current.exists()) {
            return Optional.empty();
        }
        if (recent.size() > 100_000) {
            recent.clear();
        }
        recent.put(orgId, new Cached(current.state(), now));
        return Optional.of(current.state());
    }

    /** Forgets what was read of an organisation this instance just changed. */
    void forget(String orgId) {
        recent.remove(orgId);
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
