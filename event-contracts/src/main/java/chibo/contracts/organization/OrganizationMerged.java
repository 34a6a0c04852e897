package chibo.contracts.organization;

import java.util.List;

/**
 * The source organisations were merged into this one (the subject): their members, children and units now
 * belong here, and the sources stop existing. Their history stays answerable.
 */
public record OrganizationMerged(List<String> sourceIds) implements OrganizationEvent {
    public OrganizationMerged {
        sourceIds = List.copyOf(sourceIds);
    }
}
