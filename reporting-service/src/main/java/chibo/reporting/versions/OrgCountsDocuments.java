package chibo.reporting.versions;

import chibo.reporting.figures.OrgAggregate;
import org.bson.Document;

/** The stored form of an organisation's figures. */
final class OrgCountsDocuments {

    private OrgCountsDocuments() {
    }

    static Document toDocument(OrgAggregate aggregate) {
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
                .append("version", aggregate.version())
                .append("lastRecordedAt", FiguresSink.date(aggregate.lastRecordedAt()));
    }
}
