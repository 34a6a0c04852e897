package chibo.dashboard.pages;

import chibo.dashboard.figures.DueList;
import chibo.dashboard.figures.Membership;
import chibo.dashboard.figures.Reporting;
import chibo.dashboard.login.Reader;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an organisation commission must see to in time across its subtree: probations ending (and recognitions
 * overdue), admissions awaiting their ceremony, members in transit, open removal and let-go reviews, readmissions.
 * membership-service answers with the reader's own token and decides whether the reader may read the list at all.
 */
@Controller
class DuePages {

    private final Membership membership;
    private final Reporting reporting;
    private final PageFrame frame;

    DuePages(Membership membership, Reporting reporting, PageFrame frame) {
        this.membership = membership;
        this.reporting = reporting;
        this.frame = frame;
    }

    @GetMapping("/organisations/{orgId}/due")
    String due(@PathVariable String orgId, @RequestParam(required = false) String kind,
               @RequestParam(defaultValue = "false") boolean overdueOnly,
               @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client,
               @AuthenticationPrincipal OidcUser user, Model model) {
        String token = client.getAccessToken().getTokenValue();
        String shownKind = kind != null && DueCounts.KINDS.contains(kind) ? kind : null;
        DueList due = membership.dueList(token, orgId, shownKind, overdueOnly);
        Reader reader = Reader.of(user);
        model.addAttribute("due", due);
        Map<String, Map<String, Long>> counts = DueCounts.of(due.items());
        Map<String, Long> totals = new LinkedHashMap<>();
        counts.forEach((dueKind, byState) -> totals.put(dueKind, DueCounts.total(byState)));
        model.addAttribute("counts", counts);
        model.addAttribute("totals", totals);
        model.addAttribute("kinds", DueCounts.KINDS);
        model.addAttribute("states", DueCounts.STATES);
        model.addAttribute("kind", shownKind);
        model.addAttribute("overdueOnly", overdueOnly);
        model.addAttribute("showNames", reader.readsPeopleDue());
        frame.frame(model, token, user, reporting.headline(token, orgId), AsOf.NOW);
        return "due";
    }
}
