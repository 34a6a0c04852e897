package chibo.reporting.versions;

import chibo.reporting.figures.OrgFigures;
import org.bson.Document;

/**
 * The stored form of an organisation's figures, with where it stood in the tree month by month (its placements,
 * the months it was registered and stopped existing), so that a past period's children are read by {@code _id}.
 */
final class OrgFiguresDocuments {

    private OrgFiguresDocuments() {
    }

    static Document toDocument(OrgFigures aggregate) {
        Document counters = new Document();
        aggregate.counters().forEach(counters::append);

        return new Document("_id", aggregate.orgId())
                .append("name", aggregate.name())
                .append("level", aggregate.level() == null ? null : aggregate.level().name())
                .append("parentId", aggregate.parentId())
                .append("active", aggregate.active())
                .append("mergedInto", aggregate.mergedInto())
                .append("counters", counters)
                .append("months", aggregate.months())
                .append("children", aggregate.children())
                .append("placements", aggregate.placements().stream().map(placement -> new Document("from",
                        placement.fromMonth()).append("parentId", placement.parentId())).toList())
                .append("registeredMonth", aggregate.registeredMonth())
                .append("endedMonth", aggregate.placementHistory().endedMonth())
                .append("version", aggregate.version())
                .append("lastRecordedAt", FiguresSink.date(aggregate.lastRecordedAt()));
    }
}
