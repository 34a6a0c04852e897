package chibo.platform.orgtree;

import chibo.contracts.EventEnvelope;
import chibo.platform.projection.SubjectProjection;
import chibo.platform.security.OrgDirectory;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A consuming service's copy of the organisation tree, folded from {@code party.organization.events} into
 * documents keyed by organisation id. Lineage walks parent pointers, one {@code _id} lookup per level.
 */
public class OrgTreeProjection implements OrgDirectory {

    private final SubjectProjection<OrgNode> nodes;

    public OrgTreeProjection(MongoDatabase database, MeterRegistry meters) {
        this(database, "org_tree", meters);
    }

    public OrgTreeProjection(MongoDatabase database, String collection, MeterRegistry meters) {
        this.nodes = new SubjectProjection<>(database, collection, OrgNode.class, OrgNode::apply, meters);
    }

    public SubjectProjection.Outcome accept(EventEnvelope event) {
        return nodes.accept(event, (before, after, e) -> {
        });
    }

    /** As {@link #accept(EventEnvelope)}, also keeping other documents in step (idempotently). */
    public SubjectProjection.Outcome accept(EventEnvelope event, SubjectProjection.SideEffects<OrgNode> sideEffects) {
        return nodes.accept(event, sideEffects);
    }

    public Optional<OrgNode> find(String orgId) {
        return nodes.find(orgId);
    }

    @Override
    public List<String> lineage(String orgId) {
        return OrgDirectory.walk(orgId, id -> nodes.find(id).map(node -> Objects.requireNonNullElse(node.upward(), "")));
    }
}
