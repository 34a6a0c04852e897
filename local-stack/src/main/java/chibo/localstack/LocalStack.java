package chibo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole chibo stack on one machine: a real Kafka broker, the embedded MongoDB-wire server, the authorization
 * server, the three services and (when configured) the dashboard, each in its own process except the MongoDB server, which lives in this one.
 * Closing it stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    public static final String MEMBERSHIP = "membership-service";
    public static final String MEETING = "meeting-service";
    public static final String REPORTING = "reporting-service";
    public static final String AUTH = "auth-server";
    public static final String DASHBOARD = "dashboard";
    public static final String KAFKA = "kafka";

    private final StackConfig config;
    private MongoWire mongo;
    private KafkaBroker kafka;
    private ServiceProcess auth;
    private LocalDemoEventKeys eventKeys;
    private final List<ServiceProcess> services = new ArrayList<>();

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    public static LocalStack start(StackConfig config) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        requireBuilt();
        Ports ports = config.ports();
        Path data = config.dataDir();
        if (config.external() == null) {
            mongo = MongoWire.start(config.store(), data, ports.mongo());
            kafka = KafkaBroker.start(data.resolve("kafka"), config.lib(), ports.kafka(), ports.kafkaController(),
                    config.logs(), config.startTimeout());
        }
        eventKeys = LocalDemoEventKeys.ensure(data.resolve("event-keys"));
        String dashboardUrl = "http://localhost:" + ports.dashboard();
        auth = ServiceProcess.start(AUTH, config.serviceJar(AUTH), ports.auth(), List.of(
                "--chibo.auth.issuer=" + issuer(),
                "--chibo.auth.key-file=" + data.resolve("auth/signing-key.jwk"),
                "--chibo.auth.dashboard-url=" + dashboardUrl),
                config.logs());
        services.add(service(MEMBERSHIP, ports.membership(), "chibo-membership", List.of()));
        services.add(service(MEETING, ports.meeting(), "chibo-meeting", List.of()));
        services.add(service(REPORTING, ports.reporting(), "chibo-reporting", List.of(
                "--chibo.reporting.state-dir=" + data.resolve("reporting-state"))));
        if (config.dashboard()) {
            services.add(dashboard(ports));
        }
        List<ServiceProcess> all = new ArrayList<>(services);
        all.add(auth);
        CompletableFuture.allOf(all.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.awaitHealthy(config.startTimeout())))
                .toArray(CompletableFuture[]::new)).join();
    }

    private ServiceProcess service(String name, int port, String database, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri(database),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
                "--logging.structured.format.console=ecs"));
        if (kafka != null) {
            arguments.addAll(kafka.access().springArguments(name));
        }
        arguments.addAll(eventKeys.arguments(name));
        arguments.addAll(extra);
        return ServiceProcess.start(name, config.serviceJar(name), port, arguments, config.logs());
    }

    /**
     * The dashboard reads reporting-service (figures, histories) and membership-service (due lists), and sends
     * browsers to the authorization server, all on this machine.
     */
    private ServiceProcess dashboard(Ports ports) {
        String oauth = "--spring.security.oauth2.client.provider.chibo.";
        return ServiceProcess.start(DASHBOARD, config.serviceJar(DASHBOARD), ports.dashboard(), List.of(
                "--chibo.dashboard.reporting-url=http://localhost:" + ports.reporting(),
                "--chibo.dashboard.membership-url=http://localhost:" + ports.membership(),
                "--chibo.dashboard.end-session-uri=" + issuer() + "/connect/logout",
                oauth + "authorization-uri=" + issuer() + "/oauth2/authorize",
                oauth + "token-uri=" + issuer() + "/oauth2/token",
                oauth + "jwk-set-uri=" + issuer() + "/oauth2/jwks",
                "--logging.structured.format.console=ecs"), config.logs());
    }

    private void requireBuilt() {
        List<String> programs = new ArrayList<>(List.of(AUTH, MEMBERSHIP, MEETING, REPORTING));
        if (config.dashboard()) {
            programs.add(DASHBOARD);
        }
        for (String name : programs) {
            if (!Files.isRegularFile(config.serviceJar(name))) {
                throw new IllegalStateException("no " + config.serviceJar(name) + ": build first (./mvnw package)");
            }
        }
        if (!Files.isDirectory(config.lib())) {
            throw new IllegalStateException("no " + config.lib() + ": build first (./mvnw package)");
        }
    }

    public String issuer() {
        return "http://localhost:" + config.ports().auth();
    }

    public String url(String service) {
        if (service.equals(AUTH)) {
            return auth.url();
        }
        return services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service)).url();
    }

    /**
     * The operating-system process of each program the stack started, by name ({@link #KAFKA}, {@link #AUTH} and
     * the services), for whoever measures their CPU and memory; the MongoDB-wire server runs in this process.
     */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(service -> pids.put(service.name(), service.pid()));
        if (auth != null) {
            pids.put(AUTH, auth.pid());
        }
        if (kafka != null) {
            pids.put(KAFKA, kafka.pid());
        }
        return pids;
    }

    public String bootstrapServers() {
        return config.external() != null ? config.external().bootstrapServers() : kafka.bootstrapServers();
    }

    /**
     * What a Kafka client of the stack's broker needs besides {@link #bootstrapServers()} to connect as the
     * administrator (the broker the stack starts takes only authenticated clients; {@link KafkaAccess}); nothing for
     * a broker the stack did not start.
     */
    public Map<String, Object> kafkaClientProperties() {
        return kafka == null ? Map.of() : kafka.access().clientProperties(KafkaAccess.ADMIN);
    }

    /** The same as {@link #kafkaClientProperties()}, for a service's principal: what it alone may do. */
    public Map<String, Object> kafkaClientProperties(String service) {
        return kafka == null ? Map.of() : kafka.access().clientProperties(service);
    }

    /** A connection string for one of the stack's databases. */
    public String mongoUri(String database) {
        return config.external() != null ? external(database) : mongo.uri(database);
    }

    private String external(String database) {
        String prefix = config.external().mongoUriPrefix();
        int query = prefix.indexOf('?');
        return query < 0 ? prefix + database : prefix.substring(0, query) + database + prefix.substring(query);
    }

    public StackConfig config() {
        return config;
    }

    /** Stops one service (as a crash or a deploy would) and starts it again on the same data. */
    public void restart(String name) {
        ServiceProcess old = services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        old.close();
        services.remove(old);
        Ports ports = config.ports();
        ServiceProcess fresh = switch (name) {
            case MEMBERSHIP -> service(MEMBERSHIP, ports.membership(), "chibo-membership", List.of());
            case MEETING -> service(MEETING, ports.meeting(), "chibo-meeting", List.of());
            case REPORTING -> service(REPORTING, ports.reporting(), "chibo-reporting", List.of(
                    "--chibo.reporting.state-dir=" + config.dataDir().resolve("reporting-state")));
            default -> throw new IllegalArgumentException(name);
        };
        services.add(fresh);
        fresh.awaitHealthy(config.startTimeout());
    }

    @Override
    public void close() {
        CompletableFuture.allOf(services.stream()
                .map(service -> CompletableFuture.runAsync(service::close))
                .toArray(CompletableFuture[]::new)).join();
        services.clear();
        if (auth != null) {
            auth.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }
}
