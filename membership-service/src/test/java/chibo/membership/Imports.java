package chibo.membership;

import chibo.testsupport.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Sends an NDJSON import to the service under test, as an agency's tool would. */
final class Imports {

    private Imports() {
    }

    /** The answer to {@code POST /imports}, with its {@code Location} as the header {@code location}. */
    static Http.Response upload(int port, String token, HttpRequest.BodyPublisher lines)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson")
                .POST(lines).build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Response(response.statusCode(), Map.of("location",
                response.headers().firstValue("Location").orElse("")), response.body());
    }
}
