package chibo.membership.duelist;

import chibo.contracts.EventEnvelope;
import chibo.platform.orgtree.OrgNode;
import chibo.platform.orgtree.OrgTreeProjection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The organisation tree downwards: each organisation's children (one document per organisation), so a subtree
 * is walked by {@code _id} lookups. An organisation merged into another hangs under its successor.
 */
public class OrgChildren {

    private final OrgTreeProjection tree;
    private final MongoCollection<Document> children;

    public OrgChildren(MongoTemplate mongo, MeterRegistry meters) {
        this.tree = new OrgTreeProjection(mongo.getDb(), "due_org_tree", meters);
        this.children = mongo.getCollection("org_children");
    }

    public void accept(EventEnvelope event) {
        tree.accept(event, this::rehang);
    }

    private void rehang(OrgNode before, OrgNode after, EventEnvelope event) {
        String oldUp = before == null ? null : before.upward();
        String newUp = after.upward();
        if (oldUp != null && !oldUp.equals(newUp)) {
            children.updateOne(Filters.eq("_id", oldUp), Updates.pull("children", after.id()));
        }
        if (newUp != null) {
            children.updateOne(Filters.eq("_id", newUp), Updates.addToSet("children", after.id()),
                    new UpdateOptions().upsert(true));
        }
    }

    /** The organisation and everything below it, breadth first, with their nodes. */
    public List<OrgNode> subtree(String orgId) {
        List<OrgNode> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(orgId));
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (!seen.add(next)) {
                continue;
            }
            tree.find(next).ifPresent(result::add);
            Document document = children.find(Filters.eq("_id", next)).first();
            if (document != null) {
                queue.addAll(document.getList("children", String.class, List.of()));
            }
        }
        return result;
    }
}
