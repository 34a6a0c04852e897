package chibo.dashboard.pages;

import chibo.dashboard.figures.AuditTrail;
import chibo.dashboard.figures.Membership;
import chibo.dashboard.figures.Reporting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The pages as a logged-in person gets them, rendered by the real templates and message bundles, with the services
 * the dashboard reads (reporting, its archive, membership) replaced by mocks each test stubs. Every page test
 * extends it, so they share one Spring context; the mocks are reset after each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class PageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @MockitoBean
    Reporting reporting;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    Membership membership;

    /** @param org the organisation whose subtree the person reads (null: none, as for auditors and operators) */
    RequestPostProcessor person(String username, String name, String org, String role) {
        return LoggedIn.person(registrations, username, name, org, role);
    }

    /** The demo province's reader: Tuyên Quang ({@code TQ}) and everything below it. */
    RequestPostProcessor provinceReader() {
        return person("province-reader", "Ban Tổ chức", "TQ", "dashboard-reader");
    }

    RequestPostProcessor auditor() {
        return person("auditor", "Ủy ban Kiểm tra", null, "auditor");
    }

    /**
     * The page at {@code path} as {@code who} gets it, once its status is the one expected (when it is not, the
     * failure shows the page, which says why).
     */
    String render(String path, RequestPostProcessor who, int status) throws Exception {
        var response = mvc.perform(get(path).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The page's text with every run of white space as one space, to read markup across the template's lines. */
    static String oneLine(String html) {
        return html.replaceAll("\\s+", " ");
    }
}
