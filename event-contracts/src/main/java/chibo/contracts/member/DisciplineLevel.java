package chibo.contracts.member;

/** Discipline short of expulsion. Probationers may only be reprimanded or warned. */
public enum DisciplineLevel {
    /** Khiển trách. */
    REPRIMAND,
    /** Cảnh cáo. */
    WARNING,
    /** Cách chức. */
    DISMISSAL
}
