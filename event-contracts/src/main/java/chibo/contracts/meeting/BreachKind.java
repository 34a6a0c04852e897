package chibo.contracts.meeting;

public enum BreachKind {
    /** A month without a regular meeting; period like {@code 2025-03}. */
    NO_REGULAR_MEETING,
    /** A quarter without a thematic meeting; period like {@code 2025-Q1}. */
    NO_THEMATIC_MEETING
}
