package chibo.dashboard.figures;

/** Who an organisation is and where it hangs in the tree ({@code /organizations/{id}/counts}). */
public record OrgHeadline(String orgId, String name, String level, String parentId) {
}
