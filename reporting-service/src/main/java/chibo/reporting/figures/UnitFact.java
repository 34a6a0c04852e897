package chibo.reporting.figures;

import chibo.contracts.organization.KeyPosition;
import chibo.contracts.organization.UnitKind;

import java.time.Instant;

/**
 * A fact about one unit (village, residential group, school…), keyed by unit id on the unit-facts topic: its
 * registration by an organisation, its cover by a cell, a key position assigned or vacated, or a member starting
 * or ceasing to count as a resident.
 *
 * @param ownerOrgId      the organisation that registered the unit (registration only)
 * @param cellId          the cell that covers it (cover only)
 * @param position        the key position (assignment and vacancy)
 * @param holderIsMember  whether the position's new holder is a party member (assignment)
 * @param residentsChange +1 or -1 active members residing there (residence)
 * @param month           month of the effective date
 * @param name            the unit's name (registration only)
 */
public record UnitFact(String unitId, Change change, String ownerOrgId, UnitKind kind, String cellId,
                       KeyPosition position, boolean holderIsMember, int residentsChange, String month, String cause,
                       Instant recordedAt, String name) {

    public enum Change { REGISTERED, COVERED, POSITION_ASSIGNED, POSITION_VACATED, RESIDENTS }

    public static UnitFact residents(String unitId, int change, String month, String cause, Instant recordedAt) {
        return new UnitFact(unitId, Change.RESIDENTS, null, null, null, null, false, change, month, cause,
                recordedAt, null);
    }
}
