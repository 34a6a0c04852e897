package chibo.dashboard.figures;

import java.time.LocalDate;
import java.util.List;

/**
 * What is due across an organisation's subtree, as membership-service lists it ({@code /organizations/{id}/due-list}):
 * for each member, what is due, from when, by when and where it stands today.
 *
 * @param asOf  the day membership-service judged the deadlines on
 * @param cells the cells (and grassroots organisations holding members) looked at
 */
public record DueList(String orgId, LocalDate asOf, int cells, List<Entry> items) {

    /**
     * @param kind  {@code AWAITING_CEREMONY}, {@code PROBATION_ENDING}, {@code IN_TRANSIT},
     *              {@code READMISSION_WAITING}, {@code REMOVAL_REVIEW} or {@code LET_GO_REVIEW}
     * @param state {@code UPCOMING}, {@code DUE}, {@code OVERDUE}; for a readmission {@code WAITING} or
     *              {@code ELIGIBLE}
     */
    public record Entry(String memberId, String fullName, String cellId, String cellName, String kind,
                        LocalDate since, LocalDate deadline, String state) {

        public boolean overdue() {
            return "OVERDUE".equals(state);
        }
    }
}
