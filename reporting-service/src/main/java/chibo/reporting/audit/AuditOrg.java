package chibo.reporting.audit;

import org.bson.Document;

import java.util.List;

/**
 * An organisation as the archive knows it, in {@code audit_orgs} by id: its place in the tree (from the
 * organisation events read), and the months of effective date in which its history lists events.
 */
record AuditOrg(String id, String name, String level, String parentId, List<String> children, List<String> months,
                String mergedInto, boolean dissolved) {

    /** Whether its registration has been read (an organisation may first be seen as a member's cell). */
    boolean registered() {
        return name != null;
    }

    static AuditOrg fromDocument(Document d) {
        return new AuditOrg(d.getString("_id"), d.getString("name"), d.getString("level"), d.getString("parentId"),
                d.getList("children", String.class, List.of()), d.getList("months", String.class, List.of()),
                d.getString("mergedInto"), d.getBoolean("dissolved", false));
    }
}
