package chibo.contracts.organization;

import chibo.contracts.EventPayload;

/** Facts about party organisations and the units they cover. Subject: the organisation's id. */
public sealed interface OrganizationEvent extends EventPayload permits
        OrganizationRegistered, OrganizationRenamed, OrganizationMoved, OrganizationMerged, OrganizationDissolved,
        UnitRegistered, UnitCovered, PositionAssigned, PositionVacated {
}
