package chibo.dashboard.pages;

import chibo.dashboard.figures.Answer;
import chibo.dashboard.figures.OrgMatches;
import chibo.dashboard.figures.Reporting;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Organisations found by a part of their name, inside the reader's subtree, each with its level and the way down
 * to it. A query of fewer than two letters or digits is answered with a message here, never sent on.
 */
@Controller
class SearchPages {

    static final int MIN_LETTERS = 2;

    private final Reporting reporting;

    SearchPages(Reporting reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q,
                  @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("query", query);
        if (query.isEmpty()) {
            model.addAttribute("problem", "search.empty");
        } else if (letters(query) < MIN_LETTERS) {
            model.addAttribute("problem", "search.tooShort");
        } else {
            Answer<OrgMatches> found = reporting.search(client.getAccessToken().getTokenValue(), query);
            model.addAttribute("found", found.figures());
        }
        return "search";
    }

    private static long letters(String query) {
        return query.codePoints().filter(Character::isLetterOrDigit).count();
    }
}
