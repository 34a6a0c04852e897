package chibo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole chibo stack on one machine: a real Kafka broker, the embedded MongoDB-wire server, the authorization
 * server, the three services and (when configured) the dashboard, each in its own process except the MongoDB server, which lives in this one.
 * Each service may run as several instances side by side, as in production behind a load balancer: the same
 * databases, topics and consumer groups, each instance on its own port (the second is named
 * {@code membership-service-2}, and so on). Closing it stops everything in reverse order.
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
    private volatile KafkaBroker kafka;
    private ServiceProcess auth;
    private LocalDemoEventKeys eventKeys;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();

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
        for (String service : List.of(MEMBERSHIP, MEETING, REPORTING)) {
            services.add(instance(service, 0, firstPort(service)));
        }
        if (config.dashboard()) {
            services.add(dashboard(ports));
        }
        List<ServiceProcess> first = new ArrayList<>(services);
        first.add(auth);
        awaitHealthy(first);
        // further instances once the first are up: a dozen JVMs starting at once on a small machine starve each other
        List<ServiceProcess> more = new ArrayList<>();
        for (int index = 1; index < config.instances(); index++) {
            for (String service : List.of(MEMBERSHIP, MEETING, REPORTING)) {
                more.add(instance(service, index, Ports.instancePort(firstPort(service), index)));
            }
        }
        services.addAll(more);
        awaitHealthy(more);
    }

    private void awaitHealthy(List<ServiceProcess> starting) {
        CompletableFuture.allOf(starting.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.awaitHealthy(config.startTimeout())))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** The name of a service's {@code index}th instance (from 0): the service's own name for the first. */
    public static String instanceName(String service, int index) {
        return index == 0 ? service : service + "-" + (index + 1);
    }

    private int firstPort(String service) {
        Ports ports = config.ports();
        return switch (service) {
            case MEMBERSHIP -> ports.membership();
            case MEETING -> ports.meeting();
            case REPORTING -> ports.reporting();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /**
     * One instance of a service. Instances share everything but their port and, for reporting, the directory where
     * Kafka Streams keeps its local state (two instances cannot lock one directory).
     */
    private ServiceProcess instance(String service, int index, int port) {
        String name = instanceName(service, index);
        return switch (service) {
            case MEMBERSHIP -> service(name, MEMBERSHIP, port, "chibo-membership", List.of());
            case MEETING -> service(name, MEETING, port, "chibo-meeting", List.of());
            case REPORTING -> service(name, REPORTING, port, "chibo-reporting", List.of(
                    "--chibo.reporting.state-dir=" + config.dataDir().resolve(index == 0 ? "reporting-state"
                            : "reporting-state-" + (index + 1))));
            default -> throw new IllegalArgumentException(service);
        };
    }

    private ServiceProcess service(String name, String program, int port, String database, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri(database),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
                "--logging.structured.format.console=ecs"));
        if (kafka != null) {
            arguments.addAll(kafka.access().springArguments(program));
        }
        arguments.addAll(eventKeys.arguments(program));
        arguments.addAll(extra);
        return ServiceProcess.start(name, config.serviceJar(program), port, arguments, config.logs());
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

    /** The address of a program: {@link #AUTH}, a service (its first instance) or one instance by its name. */
    public String url(String service) {
        if (service.equals(AUTH)) {
            return auth.url();
        }
        return services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service)).url();
    }

    /** The address of every instance of a service, the first instance first. */
    public List<String> urls(String service) {
        List<String> urls = new ArrayList<>();
        for (int index = 0; index < config.instances(); index++) {
            urls.add(url(instanceName(service, index)));
        }
        return urls;
    }

    /**
     * The operating-system process of each program the stack started, by name ({@link #KAFKA}, {@link #AUTH} and
     * the services' instances), for whoever measures their CPU and memory or stops one the hard way; the
     * MongoDB-wire server runs in this process.
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

    /**
     * Stops one program (as a crash or a deploy would; if it is already gone, as after a kill, it is just started)
     * and starts it again on the same data and port: a service's instance by its name, or the broker
     * ({@link #KAFKA}).
     */
    public void restart(String name) {
        if (name.equals(KAFKA)) {
            if (kafka == null) {
                throw new IllegalStateException("the broker runs elsewhere");
            }
            kafka.close();
            kafka = KafkaBroker.start(config.dataDir().resolve("kafka"), config.lib(), config.ports().kafka(),
                    config.ports().kafkaController(), config.logs(), config.startTimeout());
            return;
        }
        ServiceProcess old = services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
        old.close();
        int at = services.indexOf(old);
        ServiceProcess fresh = null;
        for (String service : List.of(MEMBERSHIP, MEETING, REPORTING)) {
            for (int index = 0; index < config.instances(); index++) {
                if (instanceName(service, index).equals(name)) {
                    fresh = instance(service, index, old.port());
                }
            }
        }
        if (fresh == null) {
            throw new IllegalArgumentException("cannot restart " + name);
        }
        services.set(at, fresh);
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
