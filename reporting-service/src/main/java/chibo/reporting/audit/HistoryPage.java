package chibo.reporting.audit;

import java.util.List;

/**
 * One page of a history, in history order.
 *
 * @param next the cursor of the following page, or null on the last one
 */
record HistoryPage(List<HistoryEntry> items, int size, String next) {
}
