package chibo.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem directly to the response, for filters that answer before Spring MVC is reached. */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, ProblemException problem) throws IOException {
        ObjectNode body = JSON.createObjectNode()
                .put("type", problem.type().toString())
                .put("title", problem.title())
                .put("status", problem.status().value())
                .put("detail", problem.getMessage());
        if (!problem.errors().isEmpty()) {
            body.set("errors", JSON.valueToTree(problem.errors()));
        }
        problem.properties().forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
