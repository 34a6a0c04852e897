package chibo.membership.organization;

import chibo.contracts.organization.OrgLevel;

import java.time.LocalDate;
import java.util.List;

/** An organisation as the API shows it, with its lineage from the root. */
public record OrganizationView(String id, String name, OrgLevel level, String parentId, List<String> lineage,
                               Organization.Status status, LocalDate since, long version) {
}
