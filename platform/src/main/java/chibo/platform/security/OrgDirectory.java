package chibo.platform.security;

import java.util.List;

/**
 * Each service's view of the organisation tree, as far as authorisation needs it.
 */
public interface OrgDirectory {

    /**
     * The organisation's lineage from the root down to itself, as of now; empty when the organisation is unknown.
     */
    List<String> lineage(String orgId);
}
