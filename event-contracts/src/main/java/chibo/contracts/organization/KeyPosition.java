package chibo.contracts.organization;

/** Village posts whose holders' membership the coverage reports track. */
public enum KeyPosition {
    /** Trưởng thôn / bản. */
    VILLAGE_HEAD,
    /** Trưởng ban công tác Mặt trận. */
    FRONT_HEAD,
    /** Bí thư chi đoàn. */
    YOUTH_SECRETARY
}
