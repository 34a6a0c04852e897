package chibo.contracts.member;

/** Where a migrated member's record came from: which register, loaded by whom. */
public record Provenance(String register, String loadedBy) {
}
