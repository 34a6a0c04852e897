package chibo.platform.orgtree;

import chibo.contracts.EventEnvelope;
import chibo.platform.projection.SequenceGate;
import chibo.platform.projection.SubjectProjection;
import chibo.platform.security.OrgDirectory;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consuming service's copy of the organisation tree, folded from {@code party.organization.events} into
 * documents keyed by organisation id. Lineage walks parent pointers, one {@code _id} lookup per level.
 *
 * <p>A node read is reused for a few seconds: every command checks lineages several times (subtree, province,
 * guests' committees) and organisations change rarely. A change this instance applies is seen at once; another
 * instance's within that time.
 */
public class OrgTreeProjection implements OrgDirectory {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final int KEPT = 100_000;

    private final SubjectProjection<OrgNode> nodes;
    private final Map<String, Read> recent = new ConcurrentHashMap<>();

    private record Read(OrgNode node, long readAtNanos) {
    }

    public OrgTreeProjection(MongoDatabase database, MeterRegistry meters) {
        this(database, "org_tree", meters);
    }

    public OrgTreeProjection(MongoDatabase database, String collection, MeterRegistry meters) {
        this.nodes = new SubjectProjection<>(database, collection, OrgNode.class, OrgNode::apply, meters);
    }

    public SequenceGate.Outcome accept(EventEnvelope event) {
        return accept(event, (before, after, e) -> {
        });
    }

    /** As {@link #accept(EventEnvelope)}, also keeping other documents in step (idempotently). */
    public SequenceGate.Outcome accept(EventEnvelope event, SubjectProjection.SideEffects<OrgNode> sideEffects) {
        try {
            return nodes.accept(event, sideEffects);
        } finally {
            recent.remove(event.subject());
        }
    }

    public Optional<OrgNode> find(String orgId) {
        long now = System.nanoTime();
        Read read = recent.get(orgId);
        if (read != null && now - read.readAtNanos() < FRESH.toNanos()) {
            return Optional.of(read.node());
        }
        Optional<OrgNode> node = nodes.find(orgId);
        if (node.isPresent()) {
            // an organisation not known yet may arrive any moment: only what was found is kept
            if (recent.size() >= KEPT) {
                recent.clear();
            }
            recent.put(orgId, new Read(node.get(), now));
        }
        return node;
    }

    @Override
    public List<String> lineage(String orgId) {
        return OrgDirectory.walk(orgId, id -> find(id).map(node -> Objects.requireNonNullElse(node.upward(), "")));
    }
}
