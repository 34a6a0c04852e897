package chibo.contracts.member;

public enum Sex {
    MALE, FEMALE
}
