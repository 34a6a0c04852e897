package chibo.membership.rules;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The figures of the regulations that agencies must be able to adjust without a release, with the values of the
 * documents as defaults. Figures marked "(verify)" in the domain notes are here so that an organisation commission
 * can correct them.
 *
 * @param minimumAgeYears                 admission: from 18 full years (Điều lệ Đảng, điều 1)
 * @param maximumAgeYears                 admission: up to 60 full years; older only by decision of a committee
 *                                        directly under the Central Committee
 * @param awarenessCertificateYears       the awareness-course certificate is valid this long
 * @param introducerAcquaintanceMonths    introducers have worked with the applicant at least this long
 * @param admissionDecisionWorkingDays    committee decides within this many working days of the cell's resolution
 * @param extensionWorkingDays            at most this many more in special cases (admission and recognition)
 * @param ceremonyWorkingDays             the ceremony is held within this many working days of receiving the decision
 * @param probationMonths                 probation lasts this long from the ceremony
 * @param recognitionCellWorkingDays      the cell considers recognition within this many working days after
 *                                        probation ends
 * @param recognitionDecisionWorkingDays  the committee decides within this many working days of the cell
 * @param transferPapersWorkingDays       a transferred member presents the papers within this many working days
 * @param readmissionWaitMonths           readmission no earlier than this long after leaving
 * @param readmissionAfterExpungedMonths  …or this long after a less-serious conviction is expunged
 * @param removalAppealWorkingDays        an appeal against removal within this many working days (verify)
 * @param disciplineAppealMonths          an appeal against discipline within this many months (Điều lệ, điều 39.7)
 * @param transitCountedBySender          who counts a member in transit: the sender (default, verify against
 *                                        HD 11-HD/BTCTW) or the receiver
 * @param reviewWorkingDays               a removal or let-go review is due before the cell within this many working
 *                                        days of being opened (verify: the documents set no figure; 30 follows the
 *                                        cell's other deadlines)
 * @param excellentSharePercent           at most this share of the members rated "hoàn thành tốt" or better in a
 *                                        grassroots organisation for a year may be rated "hoàn thành xuất sắc"
 *                                        (QĐ 366-QĐ/TW; commonly 20%, verify)
 */
@Validated
@ConfigurationProperties("chibo.rules")
public record Regulations(
        @Min(16) int minimumAgeYears,
        @Min(18) int maximumAgeYears,
        @Min(1) int awarenessCertificateYears,
        @Min(1) int introducerAcquaintanceMonths,
        @Min(1) int admissionDecisionWorkingDays,
        @Min(0) int extensionWorkingDays,
        @Min(1) int ceremonyWorkingDays,
        @Min(1) int probationMonths,
        @Min(1) int recognitionCellWorkingDays,
        @Min(1) int recognitionDecisionWorkingDays,
        @Min(1) int transferPapersWorkingDays,
        @Min(1) int readmissionWaitMonths,
        @Min(1) int readmissionAfterExpungedMonths,
        @Min(1) int removalAppealWorkingDays,
        @Min(1) int disciplineAppealMonths,
        Boolean transitCountedBySender,
        @Min(1) int reviewWorkingDays,
        @Min(1) @Max(100) int excellentSharePercent) {

    public static final Regulations DEFAULTS = new Regulations(18, 60, 5, 12, 60, 30, 30, 12, 30, 30, 30, 36, 60, 30,
            1, true, 30, 20);

    public Regulations {
        minimumAgeYears = orDefault(minimumAgeYears, 18);
        maximumAgeYears = orDefault(maximumAgeYears, 60);
        awarenessCertificateYears = orDefault(awarenessCertificateYears, 5);
        introducerAcquaintanceMonths = orDefault(introducerAcquaintanceMonths, 12);
        admissionDecisionWorkingDays = orDefault(admissionDecisionWorkingDays, 60);
        extensionWorkingDays = orDefault(extensionWorkingDays, 30);
        ceremonyWorkingDays = orDefault(ceremonyWorkingDays, 30);
        probationMonths = orDefault(probationMonths, 12);
        recognitionCellWorkingDays = orDefault(recognitionCellWorkingDays, 30);
        recognitionDecisionWorkingDays = orDefault(recognitionDecisionWorkingDays, 30);
        transferPapersWorkingDays = orDefault(transferPapersWorkingDays, 30);
        readmissionWaitMonths = orDefault(readmissionWaitMonths, 36);
        readmissionAfterExpungedMonths = orDefault(readmissionAfterExpungedMonths, 60);
        removalAppealWorkingDays = orDefault(removalAppealWorkingDays, 30);
        disciplineAppealMonths = orDefault(disciplineAppealMonths, 1);
        transitCountedBySender = transitCountedBySender == null || transitCountedBySender;
        reviewWorkingDays = orDefault(reviewWorkingDays, 30);
        excellentSharePercent = orDefault(excellentSharePercent, 20);
    }

    private static int orDefault(int value, int fallback) {
        return value == 0 ? fallback : value;
    }
}
