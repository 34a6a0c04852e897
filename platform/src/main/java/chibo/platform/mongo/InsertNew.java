package chibo.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.util.List;

/** Inserting documents that may be there already: written again after a crash, or by another instance. */
public final class InsertNew {

    private InsertNew() {
    }

    /** Inserts the documents whose {@code _id} is not taken yet; those already there are left as they are. */
    public static void insertNew(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyTaken = e.getWriteErrors().stream().allMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyTaken) {
                throw e;
            }
        }
    }
}
