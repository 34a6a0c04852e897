package chibo.reporting.search;

import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import chibo.reporting.query.OrgFiguresReader;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Organisations by name, inside the caller's subtree. */
@RestController
@PreAuthorize("hasAnyAuthority('" + Roles.DASHBOARD_READER + "', '" + Roles.AUDITOR + "', '" + Roles.AGENCY_WRITER
        + "')")
class SearchController {

    static final int LIMIT = 50;
    static final int MIN_LETTERS = 2;
    static final int MAX_LENGTH = 100;

    private final OrgSearch search;
    private final OrgFiguresReader figures;
    private final SubtreeGuard guard;

    SearchController(OrgSearch search, OrgFiguresReader figures, SubtreeGuard guard) {
        this.search = search;
        this.figures = figures;
        this.guard = guard;
    }

    /**
     * Organisations whose names hold every word of {@code q}, with or without diacritics ("na hec" finds "Thôn Nà
     * Héc"), inside {@code within}'s subtree (by default the caller's organisation; auditors without one search the
     * whole tree): the whole name first, then names that begin with it, then words that begin with it. At most 50,
     * with {@code total} and {@code more} saying how many matched.
     */
    @GetMapping("/organizations/search")
    Results search(@RequestParam(required = false) String q, @RequestParam(required = false) String within) {
        String query = checked(q);
        Caller caller = Caller.current();
        String root = within != null ? within : caller.org();
        if (root != null) {
            figures.findTotals(root).orElseThrow(() -> Problems.notFound("organisation", root));
            guard.requireReadable(caller, root, within != null ? "within" : "org");
        }
        OrgNameIndex.Found found = search.live().search(query, root, LIMIT);
        List<Result> results = found.matches().stream().map(match -> new Result(match.organisation().orgId(),
                match.organisation().name(), match.organisation().level(), match.organisation().active(),
                match.path().stream().map(above -> new Above(above.orgId(), above.name(), above.level())).toList()))
                .toList();
        return new Results(query, root, results, found.total(), found.total() > results.size());
    }

    /** The query as searched, or a 400 naming {@code q} and the rule it breaks. */
    static String checked(String q) {
        if (q == null || q.isBlank()) {
            throw Problems.invalid("q", "required", "give a part of the organisation's name to search for");
        }
        if (q.length() > MAX_LENGTH) {
            throw Problems.invalid("q", "max-length", "a search is at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < q.length(); ) {
            int c = q.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.CONTROL) {
                throw Problems.invalid("q", "no-control-characters", "a control character is not allowed");
            }
            if (type == Character.FORMAT) {
                throw Problems.invalid("q", "no-invisible-characters",
                        "a zero-width or invisible character is not allowed");
            }
        }
        String folded = NameFolding.fold(q);
        if (folded.replace(" ", "").codePointCount(0, folded.replace(" ", "").length()) < MIN_LETTERS) {
            throw Problems.invalid("q", "min-length",
                    "give at least " + MIN_LETTERS + " letters or digits of the organisation's name");
        }
        return q.strip();
    }

    /** An organisation above a match, from {@code within} (or the top of the tree) down. */
    record Above(String orgId, String name, String level) {
    }

    /** A matching organisation and the organisations above it. */
    record Result(String orgId, String name, String level, boolean active, List<Above> path) {
    }

    record Results(String query, String within, List<Result> results, int total, boolean more) {
    }
}
