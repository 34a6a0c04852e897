package chibo.dashboard.figures;

import chibo.dashboard.DashboardProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.Optional;

/**
 * membership-service, read with the reader's own token: it keeps each reader inside their subtree and decides which
 * roles may read the people it lists (every read of a due list is in its access log, with the members named).
 */
@Component
public class Membership {

    private final RestClient http;

    public Membership(RestClient.Builder builder, DashboardProperties properties) {
        this.http = builder.baseUrl(properties.membershipUrl()).build();
    }

    /** What is due across the organisation's subtree: of one kind when given, only what is overdue when asked. */
    public DueList dueList(String token, String orgId, String kind, boolean overdueOnly) {
        return ServiceCalls.exchange("membership-service", token, orgId, http.get().uri(uri -> uri
                        .path("/organizations/{orgId}/due-list")
                        .queryParamIfPresent("kind", Optional.ofNullable(kind))
                        .queryParamIfPresent("overdueOnly", Optional.of(true).filter(yes -> overdueOnly))
                        .build(orgId)),
                answer -> answer.body(DueList.class));
    }
}
