package chibo.contracts.organization;

/** Places a cell can cover and a member can live in. */
public enum UnitKind {
    /** Thôn, bản, ấp, buôn. */
    VILLAGE,
    /** Tổ dân phố. */
    RESIDENTIAL_GROUP,
    SCHOOL,
    /** Trạm y tế. */
    HEALTH_STATION,
    ENTERPRISE,
    AGENCY
}
