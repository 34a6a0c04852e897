package chibo.membership.standing;

/**
 * How one grassroots organisation's ratings for one year would stand after a rating or a batch of them.
 *
 * @param excellent      members rated "hoàn thành xuất sắc nhiệm vụ"
 * @param goodOrBetter   members rated "hoàn thành tốt nhiệm vụ" or better (the excellent ones included)
 * @param excellentAdded how many of the excellent ratings the command adds: a command that adds none never
 *                       breaks the share, whatever was recorded before it
 */
public record ExcellentShare(String organizationId, int year, int excellent, int goodOrBetter, int excellentAdded) {
}
