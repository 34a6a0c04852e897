package chibo.reporting.versions;

import chibo.reporting.figures.OrgFigures;
import java.util.Collection;

/**
 * Told of the organisations' totals this instance has just stored, so that what is kept in memory beside the
 * stored figures (the index of organisations' names) follows them without reading them back.
 */
public interface CountsWritten {

    /** Nobody listens. */
    CountsWritten NONE = (version, written) -> { };

    /** @param written the organisations' latest figures in this batch, each as stored unless a newer one was */
    void written(String version, Collection<OrgFigures> written);
}
