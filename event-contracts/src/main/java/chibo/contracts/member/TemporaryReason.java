package chibo.contracts.member;

/** Why a member is temporarily active elsewhere: 3 to under 12 months for work or residence, 3 to 24 for study. */
public enum TemporaryReason {
    WORK, RESIDENCE, STUDY
}
