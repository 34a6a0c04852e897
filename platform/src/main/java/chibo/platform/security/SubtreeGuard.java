package chibo.platform.security;

import chibo.platform.web.Problems;

/**
 * Keeps a token inside its organisation subtree: a writer or reader bound to organisation X may act on X and any
 * organisation below it, and on nothing else.
 */
public class SubtreeGuard {

    private final OrgDirectory directory;

    public SubtreeGuard(OrgDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param field the request field that named the organisation, for the problem response
     * @throws chibo.platform.web.ProblemException 403 {@code outside-subtree} when the organisation is not inside
     *                                             the caller's subtree
     */
    public void requireWithin(Caller caller, String orgId, String field) {
        if (!isWithin(caller, orgId)) {
            throw Problems.outsideSubtree(field, orgId, caller.org());
        }
    }

    /**
     * Reading: auditors and the data-protection role may read every organisation (the handler's roles say what);
     * writers and readers only inside their subtree.
     *
     * @throws chibo.platform.web.ProblemException 403 {@code outside-subtree} otherwise
     */
    public void requireReadable(Caller caller, String orgId, String field) {
        if (!caller.has(Roles.AUDITOR) && !caller.has(Roles.DATA_PROTECTION)) {
            requireWithin(caller, orgId, field);
        }
    }

    /**
     * Whether the organisation and the caller's lie on one line: the organisation is in the caller's subtree, or
     * the caller's organisation is in the organisation's (a commune writer and a member sent to its province).
     */
    public boolean sharesLine(Caller caller, String orgId) {
        return isWithin(caller, orgId) || caller.org() != null && directory.lineage(caller.org()).contains(orgId);
    }

    public boolean isWithin(Caller caller, String orgId) {
        if (caller.org() == null) {
            return false;
        }
        return caller.org().equals(orgId) || directory.lineage(orgId).contains(caller.org());
    }
}
