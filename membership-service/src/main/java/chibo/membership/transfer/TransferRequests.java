package chibo.membership.transfer;

import chibo.contracts.member.LiaisonCategory;
import chibo.contracts.member.TemporaryReason;
import chibo.contracts.member.TransferKind;
import chibo.membership.member.DecisionRequest;
import chibo.membership.rules.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Request bodies of the transfer endpoints. */
public final class TransferRequests {

    private TransferRequests() {
    }

    /**
     * An official transfer, or a transfer to the place of residence: the sending side's decision.
     *
     * @param toOrgId  the receiving organisation (any province)
     * @param toCellId the receiving cell when already known
     */
    public record Start(@NotNull TransferKind kind, @NotNull TransferFacts.Circumstance circumstance,
                        @NotBlank String toOrgId, String toCellId, @Size(max = 1000) String reason,
                        @NotNull LocalDate decisionDate, @Size(max = 64) String decisionNumber,
                        @NotBlank String decidingOrgId) implements DecisionRequest {
    }

    /**
     * The receiving cell took the member's papers; after a transfer to the place of residence (or any move), also
     * where the member lives from then: a unit registered by an organisation in the receiving cell's line.
     */
    public record Receipt(@NotBlank String cellId, @NotNull LocalDate receivedOn, String decidingOrgId,
                          @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String residenceUnitId)
            implements DecisionRequest {
        public java.util.Map<String, String> fieldNames() {
            return java.util.Map.of("effectiveDate", "receivedOn", "toCellId", "cellId");
        }

        public LocalDate decisionDate() {
            return receivedOn;
        }

        public String decisionNumber() {
            return null;
        }
    }

    /** Sinh hoạt tạm thời: 3 to under 12 months for work or residence, 3 to 24 for study. */
    public record TemporaryStart(@NotBlank String hostCellId, @NotNull TemporaryReason reason,
                                 @NotNull LocalDate until, @NotNull LocalDate decisionDate,
                                 @Size(max = 64) String decisionNumber, @NotBlank String decidingOrgId)
            implements DecisionRequest {
    }

    public record TemporaryEnd(@NotNull LocalDate endedOn, String decidingOrgId) implements DecisionRequest {
        public java.util.Map<String, String> fieldNames() {
            return java.util.Map.of("effectiveDate", "endedOn");
        }

        public LocalDate decisionDate() {
            return endedOn;
        }

        public String decisionNumber() {
            return null;
        }
    }

    /** A working member keeps in touch with the cell where they live (QĐ 213-QĐ/TW). */
    public record Liaison(@NotBlank String residenceCellId, @NotNull LiaisonCategory category,
                          @NotNull LocalDate registeredOn, String decidingOrgId) implements DecisionRequest {
        public java.util.Map<String, String> fieldNames() {
            return java.util.Map.of("effectiveDate", "registeredOn");
        }

        public LocalDate decisionDate() {
            return registeredOn;
        }

        public String decisionNumber() {
            return null;
        }
    }
}
