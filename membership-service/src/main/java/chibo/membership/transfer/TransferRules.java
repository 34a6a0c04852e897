package chibo.membership.transfer;

import chibo.contracts.member.TemporaryReason;
import chibo.contracts.member.TransferKind;
import chibo.membership.rules.Ages;
import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.Optional;

/** Rules of official and temporary transfers and of residence liaison. */
public final class TransferRules {

    private TransferRules() {
    }

    /** A transfer goes somewhere else, to an organisation that can hold the member. */
    public static final class Destination implements Rule<TransferFacts> {
        private final String source;

        public Destination(String source) {
            this.source = source;
        }

        public String id() {
            return "transfer.destination";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(TransferFacts facts) {
            if (facts.destinationIsHome()) {
                return violated("toCellId", "the member already belongs to that cell");
            }
            if (!facts.destinationInTree()) {
                return violated("toCellId", "the receiving cell is not under the receiving organisation");
            }
            return holds();
        }
    }

    /** Activity moves to the place of residence for a member who retires or is out of work. */
    public static final class ResidenceCircumstance implements Rule<TransferFacts> {
        private final String source;

        public ResidenceCircumstance(String source) {
            this.source = source;
        }

        public String id() {
            return "transfer.residence-circumstance";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(TransferFacts facts) {
            boolean allowed = facts.circumstance() == TransferFacts.Circumstance.RETIRED
                    || facts.circumstance() == TransferFacts.Circumstance.UNEMPLOYED;
            return facts.kind() == TransferKind.TO_RESIDENCE && !allowed
                    ? violated("circumstance", "activity moves to the place of residence when a member retires or"
                    + " is out of work, not for " + facts.circumstance())
                    : holds();
        }
    }

    /**
     * Temporary activity elsewhere: 3 to under 12 months for work or residence, 3 to 24 months for study; the
     * host is another cell.
     */
    public static final class TemporaryDuration implements Rule<TransferFacts> {
        private final String source;

        public TemporaryDuration(String source) {
            this.source = source;
        }

        public String id() {
            return "transfer.temporary-duration";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(TransferFacts facts) {
            if (facts.destinationIsHome() || !facts.destinationIsCell()) {
                return violated("hostCellId", "a temporary stay is at another cell");
            }
            if (!facts.until().isAfter(facts.effectiveDate())) {
                return violated("until", "the stay must end after it starts");
            }
            long months = Ages.months(facts.effectiveDate(), facts.until());
            boolean study = facts.temporaryReason() == TemporaryReason.STUDY;
            boolean longEnough = months >= 3;
            boolean shortEnough = study ? months <= 24
                    : facts.effectiveDate().plusMonths(12).isAfter(facts.until());
            if (!longEnough || !shortEnough) {
                return violated("until", "a temporary stay for " + facts.temporaryReason().name().toLowerCase()
                        + " lasts " + (study ? "3 to 24 months" : "3 to under 12 months") + "; this one lasts "
                        + months + " months");
            }
            return holds();
        }
    }

    /** A working member keeps in touch with the cell where they live: another cell, one that holds members. */
    public static final class ResidenceLiaison implements Rule<TransferFacts> {
        private final String source;

        public ResidenceLiaison(String source) {
            this.source = source;
        }

        public String id() {
            return "liaison.residence-cell";
        }

        public String source() {
            return source;
        }

        public Optional<Violation> check(TransferFacts facts) {
            if (facts.destinationIsHome()) {
                return violated("residenceCellId", "the residence cell is the member's own cell: no liaison needed");
            }
            return facts.destinationIsCell() ? holds()
                    : violated("residenceCellId", "liaison is with a cell");
        }
    }
}
