package chibo.membership.standing;

/**
 * A grassroots organisation's ratings for a year as counted so far, and how many "xuất sắc" the share allows
 * among those rated good or better.
 */
public record RatingTallyView(String organizationId, int year, int excellent, int good, int completed,
                              int notCompleted, int allowedExcellent, int sharePercent) {
}
