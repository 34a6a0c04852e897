package chibo.dashboard;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param reportingUrl   where reporting-service answers, as this server reaches it
 * @param membershipUrl  where membership-service answers (due lists), as this server reaches it
 * @param rootOrg        where readers bound to no subtree (auditors) start: the top of the tree
 * @param endSessionUri  the authorization server's logout endpoint as the browser reaches it (OpenID RP-initiated
 *                       logout); without one, logging out ends only the dashboard's session
 * @param zone           the time zone figures' times are shown in
 */
@Validated
@ConfigurationProperties("chibo.dashboard")
public record DashboardProperties(@NotBlank String reportingUrl, @NotBlank String membershipUrl,
                                  @NotBlank String rootOrg, String endSessionUri,
                                  String zone) {

    public DashboardProperties {
        if (zone == null || zone.isBlank()) {
            zone = "Asia/Ho_Chi_Minh";
        }
    }
}
