package chibo.contracts.meeting;

import chibo.contracts.organization.OrgLevel;

/** A member of a higher-level committee attending the meeting. */
public record Guest(String name, String orgId, OrgLevel level) {
}
