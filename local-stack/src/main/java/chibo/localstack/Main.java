package chibo.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--data-dir DIR] [--reset] [--no-demo] [--instances N]}:
 * starts the whole stack (N instances of each service, 1 unless told), loads the demo province into an empty store,
 * prints where everything is, and stops it all on Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        Path dataDir = Path.of(option(arguments, "--data-dir", ".chibo-local")).toAbsolutePath();
        if (arguments.contains("--reset")) {
            delete(dataDir);
        }
        Path home = home();
        StackConfig local = StackConfig.local(home, dataDir);
        int instances = Integer.parseInt(option(arguments, "--instances", "1"));
        StackConfig config = new StackConfig(home, dataDir, local.store(), !arguments.contains("--no-demo"), local.ports(),
                local.startTimeout(), null, true, instances);
        System.out.println("chibo: starting the local stack (data in " + dataDir + ", logs in " + config.logs()
                + ") ...");
        LocalStack stack = LocalStack.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nchibo: stopping ...");
            stack.close();
            System.out.println("chibo: stopped; data kept in " + dataDir);
            stopped.countDown();
        }, "chibo-shutdown"));

        String writer = ApiClient.token(stack.url(LocalStack.AUTH), "central-agency", "central-secret");
        DemoData demo = new DemoData(stack.url(LocalStack.MEMBERSHIP), stack.url(LocalStack.MEETING), writer);
        if (config.demoData() && !demo.alreadyLoaded()) {
            System.out.println("chibo: loading the demo province ...");
            demo.load();
        }
        printSummary(stack, dataDir);
        stopped.await();
    }

    private static void printSummary(LocalStack stack, Path dataDir) {
        String auth = stack.url(LocalStack.AUTH);
        System.out.println("""

                chibo is running. Press Ctrl-C to stop (data stays in %s).

                  dashboard           %s
                                      local-demo users, password demo: central-reader, province-reader,
                                      commune-reader, auditor, operator
                  membership-service  %s
                  meeting-service     %s
                  reporting-service   %s   (the dashboard reads the first)
                  auth-server         %s   (issuer)
                  Kafka               %s   (SASL SCRAM-SHA-512; user admin, password in
                                      %s)
                  MongoDB (wire)      %s

                Get a token (demo clients: central-agency, province-agency, dashboard, province-dashboard, auditor,
                operator):
                  TOKEN=$(curl -s -u province-dashboard:province-dashboard-secret \\
                            -d grant_type=client_credentials %s/oauth2/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                Members of the demo province, by status:
                  curl -s -H "Authorization: Bearer $TOKEN" %s/organizations/TQ/counts
                """.formatted(dataDir, stack.url(LocalStack.DASHBOARD),
                String.join(" ", stack.urls(LocalStack.MEMBERSHIP)), String.join(" ", stack.urls(LocalStack.MEETING)),
                String.join(" ", stack.urls(LocalStack.REPORTING)), auth, stack.bootstrapServers(),
                dataDir.resolve("kafka/credentials.properties"), stack.mongoUri(""), auth,
                stack.url(LocalStack.REPORTING)));
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
    }

    /** The directory this launcher's jar sits in: it holds lib/ and services/. */
    private static Path home() throws URISyntaxException {
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent();
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
