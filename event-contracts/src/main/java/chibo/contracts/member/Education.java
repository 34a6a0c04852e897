package chibo.contracts.member;

/** Highest general or professional education completed. */
public enum Education {
    PRIMARY,
    /** Trung học cơ sở (THCS): the minimum for admission. */
    LOWER_SECONDARY,
    UPPER_SECONDARY,
    VOCATIONAL,
    COLLEGE,
    UNIVERSITY,
    POSTGRADUATE
}
