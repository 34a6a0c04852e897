package chibo.contracts.member;

public enum CorrectionKind {
    /** The earlier event was recorded in error and has no effect. */
    ANNULLED,
    /** An appeal against the earlier decision was upheld: the decision is reversed. */
    APPEAL_UPHELD
}
