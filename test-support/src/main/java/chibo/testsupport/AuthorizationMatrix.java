package chibo.testsupport;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorisation matrix of a running service, generated from its own OpenAPI description: every operation, with
 * no token, and with a token holding each role alone (bound to {@code org}), is called once, and the answer must be
 * what the operation's {@code x-chibo-roles} declares — 401 without a token, the role refusal ({@code 403
 * urn:chibo:problem:forbidden}) for a role it does not list, and anything but those for a role it lists (the request
 * itself may well be refused for its content: an empty body, a made-up id). A role refused must be refused before
 * anything of the request is read, so the bodies sent are empty.
 */
public final class AuthorizationMatrix {

    /** Every role a chibo token may carry (as {@code RolesInOpenApi.ROLES}). */
    public static final List<String> ROLES = List.of("agency-writer", "dashboard-reader", "auditor", "operator",
            "data-protection", "metrics-reader");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String FORBIDDEN = "urn:chibo:problem:forbidden";

    /** One call of the matrix and what came of it. */
    public record Cell(String method, String path, String role, int status, String problem, boolean holds) {
        @Override
        public String toString() {
            return method + " " + path + " as " + role + ": " + status + (problem == null ? "" : " " + problem);
        }
    }

    private AuthorizationMatrix() {
    }

    /**
     * Calls every operation of the service's OpenAPI description as every role and without a token.
     *
     * @param pathValues a value for each path variable by name; a variable not named gets {@code x}
     * @return every cell, holding or not (the caller asserts that all hold, and how many there were)
     */
    public static List<Cell> run(Http http, String org, Map<String, String> pathValues) {
        JsonNode docs = http.get("/v3/api-docs", null).json();
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    cells.addAll(check(http, org, pathValues, operation.getKey().toUpperCase(), path.getKey(),
                            operation.getValue()));
                }
            }
        }
        return cells;
    }

    /**
     * The subtree column of the matrix: every operation {@code role} may call whose path names an organisation
     * (one of {@code orgVariables}), called by a holder of the role bound to {@code callerOrg} with the path naming
     * {@code outsideOrg}, an organisation outside the caller's subtree. The answer must refuse it — {@code 403
     * urn:chibo:problem:outside-subtree}, or {@code 404} for a service that does not tell what exists — and never
     * answer it.
     */
    public static List<Cell> runOutsideSubtree(Http http, String role, String callerOrg, String outsideOrg,
                                               Set<String> orgVariables, Map<String, String> pathValues) {
        JsonNode docs = http.get("/v3/api-docs", null).json();
        String token = TestTokens.token("matrix-" + role, List.of(role), callerOrg);
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            Matcher variables = VARIABLE.matcher(path.getKey());
            boolean namesOrg = false;
            while (variables.find()) {
                namesOrg |= orgVariables.contains(variables.group(1));
            }
            if (!namesOrg) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>(pathValues);
            orgVariables.forEach(variable -> values.put(variable, outsideOrg));
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode declared = operation.getValue().get("x-chibo-roles");
                if (!METHODS.contains(operation.getKey()) || declared == null || streams(operation.getValue())
                        || !declared.toString().contains('"' + role + '"')) {
                    continue;
                }
                Http.Response answer = call(http, operation.getKey().toUpperCase(), fill(path.getKey(), values),
                        token, requestContentType(operation.getValue()));
                String problem = problem(answer);
                boolean refused = answer.status() == 404
                        || answer.status() == 403 && "urn:chibo:problem:outside-subtree".equals(problem);
                cells.add(new Cell(operation.getKey().toUpperCase(), path.getKey(), role + "@" + callerOrg,
                        answer.status(), problem, refused));
            }
        }
        return cells;
    }

    private static List<Cell> check(Http http, String org, Map<String, String> pathValues, String method,
                                    String template, JsonNode operation) {
        String path = fill(template, pathValues);
        List<Cell> cells = new ArrayList<>();
        JsonNode declared = operation.get("x-chibo-roles");
        if (declared == null) {
            cells.add(new Cell(method, template, "(declared roles)", 0, "no x-chibo-roles", false));
            return cells;
        }
        List<String> allowed = new ArrayList<>();
        declared.forEach(role -> allowed.add(role.asString()));
        String contentType = requestContentType(operation);
        boolean streams = streams(operation);
        Http.Response anonymous = call(http, method, path, null, contentType);
        cells.add(new Cell(method, template, "(no token)", anonymous.status(), problem(anonymous),
                anonymous.status() == 401));
        if (allowed.contains("decided-per-request")) {
            return cells;
        }
        for (String role : ROLES) {
            boolean mayCall = allowed.contains(role);
            if (mayCall && streams) {
                continue; // an event stream the role may open would not end; its refusals are checked
            }
            Http.Response answer = call(http, method, path, TestTokens.token("matrix-" + role, List.of(role), org),
                    contentType);
            String problem = problem(answer);
            boolean refusedForRole = answer.status() == 403 && FORBIDDEN.equals(problem);
            boolean holds = mayCall ? answer.status() != 401 && !refusedForRole : refusedForRole;
            cells.add(new Cell(method, template, role, answer.status(), problem, holds));
        }
        return cells;
    }

    private static Http.Response call(Http http, String method, String path, String token, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        String body = null;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
            body = contentType.contains("json") && !contentType.contains("ndjson") ? "{}" : "";
        }
        return http.send(method, path, token, body, headers);
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "x")));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String requestContentType(JsonNode operation) {
        JsonNode body = operation.get("requestBody");
        if (body == null || body.get("content") == null) {
            return null;
        }
        Iterator<String> types = body.get("content").propertyNames().iterator();
        return types.hasNext() ? types.next() : null;
    }

    private static boolean streams(JsonNode operation) {
        JsonNode responses = operation.get("responses");
        if (responses == null) {
            return false;
        }
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            JsonNode content = response.getValue().get("content");
            if (content != null && (content.has("text/event-stream") || content.has("application/x-ndjson"))) {
                return true;
            }
        }
        return false;
    }

    private static String problem(Http.Response response) {
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json") || response.body().isBlank()) {
            return null;
        }
        JsonNode problem = response.json().get("type");
        return problem == null ? null : problem.asString();
    }
}
