package chibo.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A Spring Boot service of the stack, run from its jar; ready when its health endpoint says UP. */
final class ServiceProcess implements AutoCloseable {

    /** More JVM options for every service, e.g. to record a flight recording while a benchmark runs. */
    static final String JVM_OPTIONS = "chibo.stack.service-jvm-options";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int port;

    private ServiceProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServiceProcess start(String name, Path jar, int port, List<String> arguments, Path logs) {
        // G1 with a pause goal: a dashboard's query must not wait out a full collection of the old generation
        List<String> command = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50"));
        String extra = System.getProperty(JVM_OPTIONS, "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        return new ServiceProcess(ChildProcess.java(name, command, logs.resolve(name + ".log")), port);
    }

    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    String name() {
        return process.name();
    }

    long pid() {
        return process.pid();
    }

    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during start-up; last lines of "
                        + process.log() + ":\n" + process.tail(40));
            }
            if (healthy()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(process.name() + " was not healthy within " + timeout + "; see "
                        + process.log());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
