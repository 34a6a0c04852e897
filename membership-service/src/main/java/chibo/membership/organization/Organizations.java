package chibo.membership.organization;

import chibo.contracts.organization.OrgLevel;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Current;
import chibo.platform.security.OrgDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The levels of grassroots organisations: those that rate their members' year as a whole (the share of
     * "xuất sắc" is counted in each).
     */
    public static final Set<OrgLevel> GRASSROOTS_LEVELS = Collections.unmodifiableSet(
            EnumSet.of(OrgLevel.COMMUNE, OrgLevel.GRASSROOTS, OrgLevel.GRASSROOTS_CELL));

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
        remember(orgId, current.state(), now);
        return Optional.of(current.state());
    }

    /**
     * Reads the organisations not read lately, all in two queries, so that a bulk import naming hundreds of cells
     * does not read them one by one.
     */
    public void prefetch(Collection<String> orgIds) {
        Instant now = clock.instant();
        List<String> stale = orgIds.stream().distinct().filter(orgId -> {
            Cached cached = recent.get(orgId);
            return cached == null || !cached.readAt().plus(FRESH).isAfter(now);
        }).toList();
        if (stale.isEmpty()) {
            return;
        }
        store.loadAll(stale).forEach((orgId, current) -> {
            if (current.exists()) {
                remember(orgId, current.state(), now);
            }
        });
    }

    private void remember(String orgId, Organization organization, Instant readAt) {
        if (recent.size() > 100_000) {
            recent.clear();
        }
        recent.put(orgId, new Cached(organization, readAt));
    }

    /** Forgets what was read of an organisation this instance just changed. */
    void forget(String orgId) {
        recent.remove(orgId);
    }

    public Optional<Organization> findActive(String orgId) {
        return find(orgId).filter(Organization::isActive);
    }

    /**
     * The grassroots organisation a cell's members are counted in for the annual rating: the nearest active
     * organisation at or above the cell that is a grassroots cell (chi bộ cơ sở), a grassroots committee (đảng bộ
     * cơ sở) or a commune, ward or special-zone committee (whose village cells sit directly under it). Empty for an
     * unknown cell.
     */
    public Optional<Organization> grassrootsOf(String cellId) {
        List<String> line = lineage(cellId);
        for (int i = line.size() - 1; i >= 0; i--) {
            Optional<Organization> organization = findActive(line.get(i))
                    .filter(found -> GRASSROOTS_LEVELS.contains(found.level()));
            if (organization.isPresent()) {
                return organization;
            }
        }
        return Optional.empty();
    }

    /**
     * The organisation's lineage from the root down to itself as the tree stood on {@code day}: each step up is the
     * parent (or, once merged away, the successor) it had that day. It stops below an organisation that did not
     * stand that day, so a committee founded later is never in a line of an earlier day.
     */
    public List<String> lineageOn(String orgId, LocalDate day) {
        return OrgDirectory.walk(orgId, id -> find(id).flatMap(organization -> organization.on(day))
                .map(standing -> Objects.requireNonNullElse(standing.upward(), "")));
    }

    @Override
    public List<String> lineage(String orgId) {
        return OrgDirectory.walk(orgId,
                id -> find(id).map(organization -> Objects.requireNonNullElse(organization.upward(), "")));
    }
}
