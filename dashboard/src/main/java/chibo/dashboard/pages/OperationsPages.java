package chibo.dashboard.pages;

import chibo.dashboard.figures.DeadLetter;
import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.ProjectionVersions;
import chibo.dashboard.figures.Reporting;
import chibo.dashboard.login.Reader;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versions of the figures, for auditors (to read) and operators (to rebuild): the live version and any being
 * rebuilt beside it, with a progress bar, the pace and the time left. reporting-service decides who may do what;
 * the page only leaves out the form a reader cannot use.
 */
@Controller
class OperationsPages {

    private final Reporting reporting;

    OperationsPages(Reporting reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/projections")
    String projections(@RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client,
                       @AuthenticationPrincipal OidcUser user, Model model) {
        ProjectionVersions versions = reporting.projections(client.getAccessToken().getTokenValue());
        model.addAttribute("versions", versions);
        model.addAttribute("rebuilding", versions.versions().stream().anyMatch(version -> !version.caughtUp()
                && !"DROPPED".equals(version.state())));
        model.addAttribute("canRebuild", Reader.of(user).runsFigures());
        return "projections";
    }

    /**
     * What the live figures could not fold, per input topic, read only: a re-drive corrects a record and stays with
     * the operator's tools (reporting-service's API), where the correction is written down with its reason.
     */
    @GetMapping("/dead-letters")
    String deadLetters(@RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client, Model model) {
        String token = client.getAccessToken().getTokenValue();
        Map<String, List<DeadLetter>> letters = new LinkedHashMap<>();
        for (String topic : DeadLetter.TOPICS) {
            letters.put(topic, reporting.deadLetters(token, topic));
        }
        model.addAttribute("letters", letters);
        return "dead-letters";
    }

    @PostMapping("/projections/rebuilds")
    String rebuild(@RequestParam(defaultValue = "") String version,
                   @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client,
                   RedirectAttributes flash) {
        try {
            reporting.rebuild(client.getAccessToken().getTokenValue(), version.strip());
            flash.addFlashAttribute("started", version.strip());
        } catch (FiguresRefused refused) {
            flash.addFlashAttribute("refusal", refused.reason());
        }
        return "redirect:/projections";
    }
}
