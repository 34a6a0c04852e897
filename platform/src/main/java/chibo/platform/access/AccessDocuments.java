package chibo.platform.access;

import org.bson.Document;

import java.util.Date;
import java.util.List;

/** How an access log entry is stored: a document per entry, {@code _id} its zero-padded seq. */
final class AccessDocuments {

    static final String ID = "_id";
    static final String AT = "at";
    static final String HASH = "hash";

    private AccessDocuments() {
    }

    static Document of(AccessEntry entry) {
        return new Document(ID, AccessEntry.id(entry.seq()))
                .append("seq", entry.seq())
                .append(AT, Date.from(entry.at()))
                .append("service", entry.service())
                .append("who", entry.who())
                .append("roles", entry.roles())
                .append("org", entry.org())
                .append("method", entry.method())
                .append("path", entry.path())
                .append("query", entry.query())
                .append("subject", entry.subject())
                .append("persons", entry.persons())
                .append("outcome", entry.outcome().name())
                .append("status", entry.status())
                .append("purpose", entry.purpose())
                .append("previousHash", entry.previousHash())
                .append(HASH, entry.hash());
    }

    static AccessEntry toEntry(Document document) {
        return new AccessEntry(((Number) document.get("seq")).longValue(), document.getDate(AT).toInstant(),
                document.getString("service"), document.getString("who"), document.getList("roles", String.class),
                document.getString("org"), document.getString("method"), document.getString("path"),
                document.getString("query"), document.getString("subject"),
                document.getList("persons", String.class), AccessEntry.Outcome.valueOf(document.getString("outcome")),
                ((Number) document.get("status")).intValue(), document.getString("purpose"),
                document.getString("previousHash"), document.getString(HASH));
    }
}
