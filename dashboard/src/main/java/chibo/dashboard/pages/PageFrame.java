package chibo.dashboard.pages;

import chibo.dashboard.figures.OrgHeadline;
import chibo.dashboard.figures.Reporting;
import chibo.dashboard.login.Reader;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every page about an organisation shows around its content: the organisation, the date, the breadcrumbs. */
@Component
class PageFrame {

    private final Reporting reporting;

    PageFrame(Reporting reporting) {
        this.reporting = reporting;
    }

    void frame(Model model, String token, OidcUser user, OrgHeadline shown, AsOf when) {
        model.addAttribute("org", shown);
        model.addAttribute("asOf", when);
        model.addAttribute("trail", Breadcrumbs.above(shown, Reader.of(user).org(),
                id -> reporting.headline(token, id)));
    }
}
