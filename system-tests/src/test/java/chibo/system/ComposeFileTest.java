package chibo.system;

import chibo.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this reads it and checks that it agrees with what the
 * services, the authorization server and the contracts say: ports, databases, topics, environment variables,
 * health-gated start-up, identity-provider clients and Prometheus targets.
 */
class ComposeFileTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final List<String> SERVICES = List.of("membership-service", "meeting-service",
            "reporting-service");
    /**
     * Variables that configure the JVM or Spring beyond what application.yml spells out. Spring maps a property to
     * its variable by upper-casing, turning dots into underscores and dropping dashes ({@code jwk-set-uri} →
     * {@code JWKSETURI}).
     */
    private static final Set<String> KNOWN_EXTRA = Set.of("JAVA_TOOL_OPTIONS",
            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", "LOGGING_STRUCTURED_FORMAT_CONSOLE",
            "SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
            "MANAGEMENT_TRACING_SAMPLING_PROBABILITY");

    /** The event-integrity settings (platform's, docs/event-integrity.md), keyed by key id, so in no application.yml. */
    private static final java.util.regex.Pattern EVENT_INTEGRITY = java.util.regex.Pattern.compile(
            "CHIBO_EVENTINTEGRITY_(SIGNING_(KEYID|PRIVATEKEYFILE)|TRUSTED_[A-Z0-9]+_(PUBLICKEY|TOPICS))");

    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        Object loaded = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(root().resolve("docker-compose.yml")));
        compose = resolveMerges(JsonMapper.builder().build().valueToTree(loaded));
    }

    private static Path root() {
        return Stacks.projectRoot();
    }

    private static JsonNode applicationYml(String module) throws IOException {
        return YAML.readTree(Files.readString(root().resolve(module).resolve("src/main/resources/application.yml")));
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.get("services").get(name);
        assertThat(service).as("compose service " + name).isNotNull();
        return service;
    }

    private static String env(String service, String variable) {
        JsonNode value = service(service).get("environment").get(variable);
        assertThat(value).as(service + " sets " + variable).isNotNull();
        return value.asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"membership-service", "meeting-service", "reporting-service"})
    void each_service_listens_publishes_and_is_health_checked_on_its_own_port(String name) throws IOException {
        String port = applicationYml(name).get("server").get("port").asString();

        assertThat(env(name, "SERVER_PORT")).isEqualTo(port);
        assertThat(service(name).get("ports").values().stream().map(JsonNode::asString))
                .contains(port + ":" + port);
        assertThat(service(name).get("healthcheck").get("test").toString())
                .contains("localhost:" + port + "/actuator/health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"membership-service", "meeting-service", "reporting-service"})
    void each_service_is_built_from_its_own_module_and_jar(String name) throws IOException {
        assertThat(service(name).get("build").get("args").get("SERVICE").asString()).isEqualTo(name);
        String pom = Files.readString(root().resolve(name).resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>" + name + "</artifactId>").contains("<finalName>" + name
                + "</finalName>");
        assertThat(Files.readString(root().resolve("deploy/Dockerfile")))
                .contains("/src/${SERVICE}/target/${SERVICE}.jar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"membership-service", "meeting-service", "reporting-service"})
    void each_service_keeps_its_own_database_on_the_replica_set(String name) throws IOException {
        URI local = URI.create(applicationYml(name).get("spring").get("mongodb").get("uri").asString());
        URI composed = URI.create(env(name, "SPRING_MONGODB_URI"));
        String replicaSet = compose.get("services").get("mongo").get("command").toString();

        assertThat(composed.getPath()).isEqualTo(local.getPath());
        assertThat(composed.getHost()).isEqualTo("mongo");
        assertThat(composed.getQuery()).isEqualTo("replicaSet=rs0");
        assertThat(replicaSet).contains("\"--replSet\",\"rs0\"");
    }

    @Test
    void the_services_databases_are_all_different() {
        Set<String> databases = SERVICES.stream().map(name -> URI.create(env(name, "SPRING_MONGODB_URI")).getPath())
                .collect(Collectors.toSet());
        assertThat(databases).hasSize(SERVICES.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"membership-service", "meeting-service", "reporting-service"})
    void every_environment_variable_names_a_real_setting(String name) throws IOException {
        Set<String> settings = new HashSet<>();
        flatten("", applicationYml(name), settings);
        settings.add("SPRING_MONGODB_URI");
        Set<String> variables = new HashSet<>();
        service(name).get("environment").propertyNames().forEach(variables::add);

        assertThat(variables).allSatisfy(variable -> assertThat(settings.contains(variable)
                || KNOWN_EXTRA.contains(variable) || EVENT_INTEGRITY.matcher(variable).matches())
                .as(variable + " maps to a setting of " + name).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"membership-service", "meeting-service", "reporting-service"})
    void every_service_trusts_each_publishers_key_only_on_the_topics_it_writes(String name) {
        assertThat(env(name, "CHIBO_EVENTINTEGRITY_TRUSTED_MEMBERSHIP1_TOPICS"))
                .isEqualTo(Topics.MEMBERSHIP + "," + Topics.ORGANIZATION);
        assertThat(env(name, "CHIBO_EVENTINTEGRITY_TRUSTED_MEETING1_TOPICS")).isEqualTo(Topics.MEETING);
        assertThat(env(name, "CHIBO_EVENTINTEGRITY_TRUSTED_MEMBERSHIP1_PUBLICKEY"))
                .startsWith("${CHIBO_MEMBERSHIP_EVENT_PUBLIC_KEY:?");
        assertThat(env(name, "CHIBO_EVENTINTEGRITY_TRUSTED_MEETING1_PUBLICKEY"))
                .startsWith("${CHIBO_MEETING_EVENT_PUBLIC_KEY:?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"membership", "meeting"})
    void each_publishing_service_signs_with_its_own_key_read_from_a_secret_never_from_the_compose_file(
            String publisher) throws IOException {
        String name = publisher + "-service";
        String secret = publisher + "-event-key";
        assertThat(env(name, "CHIBO_EVENTINTEGRITY_SIGNING_KEYID")).isEqualTo(publisher + "1");
        assertThat(env(name, "CHIBO_EVENTINTEGRITY_SIGNING_PRIVATEKEYFILE")).isEqualTo("/run/secrets/" + secret);
        assertThat(service(name).get("secrets")).extracting(JsonNode::asString).containsExactly(secret);
        assertThat(compose.get("secrets").get(secret).get("file").asString()).contains("deploy/keys/");
        assertThat(service("reporting-service").get("environment").has("CHIBO_EVENTINTEGRITY_SIGNING_KEYID"))
                .as("reporting publishes no event of the contract topics").isFalse();
        assertThat(Files.readString(root().resolve("docker-compose.yml"))).doesNotContain("PRIVATE KEY");
        assertThat(Files.readString(root().resolve(".gitignore"))).contains("deploy/keys/", ".env");
    }

    @Test
    void the_services_reach_kafka_where_it_advertises_itself() {
        String advertised = env("kafka", "KAFKA_ADVERTISED_LISTENERS");
        SERVICES.forEach(name -> assertThat(advertised).contains("://" + env(name,
                "SPRING_KAFKA_BOOTSTRAPSERVERS")));
        assertThat(env("kafka", "KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(env("kafka", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo("1");
        SERVICES.forEach(name -> assertThat(env(name, "CHIBO_TOPICS_PARTITIONS"))
                .isEqualTo(env("kafka", "KAFKA_NUM_PARTITIONS")));
    }

    @Test
    void the_broker_is_closed_and_each_service_authenticates_as_itself() throws IOException {
        assertThat(env("kafka", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                .as("every listener authenticates").allMatch(entry -> entry.endsWith(":SASL_PLAINTEXT"));
        assertThat(env("kafka", "KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
        assertThat(env("kafka", "KAFKA_AUTHORIZER_CLASS_NAME")).endsWith("StandardAuthorizer");
        assertThat(env("kafka", "KAFKA_SUPER_USERS")).isEqualTo("User:admin");
        for (String name : SERVICES) {
            assertThat(env(name, "SPRING_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_PLAINTEXT");
            assertThat(env(name, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
            assertThat(env(name, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .contains("username=\"" + name + "\"");
            assertThat(service(name).get("depends_on").get("kafka-access").get("condition").asString())
                    .as(name + " starts once its credential and rules are in place")
                    .isEqualTo("service_completed_successfully");
        }
        // the same rules as the local stack's broker: one file
        String rules = "./local-stack/src/main/resources/chibo/localstack/kafka-acls.txt";
        assertThat(service("kafka-access").get("volumes").toString()).contains(rules);
        assertThat(root().resolve(rules)).isRegularFile();
        String script = Files.readString(root().resolve("deploy/kafka/grant-access.sh"));
        for (String name : SERVICES) {
            String variable = "CHIBO_KAFKA_" + name.replace("-service", "").toUpperCase() + "_PASSWORD";
            assertThat(env("kafka-access", variable)).as(variable).isNotBlank();
            assertThat(env(name, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).contains(variable);
        }
        assertThat(script).contains("kafka-acls.sh").contains("SCRAM-SHA-512");
    }

    @Test
    void meeting_service_consumes_the_contract_topics_with_its_dead_letter_topics() throws IOException {
        JsonNode stream = applicationYml("meeting-service").get("spring").get("cloud").get("stream");
        Map<String, String> destinations = new TreeMap<>();
        Map<String, String> groups = new TreeMap<>();
        stream.get("bindings").properties().forEach(e -> {
            destinations.put(e.getKey(), e.getValue().get("destination").asString());
            groups.put(e.getKey(), e.getValue().get("group").asString());
        });
        JsonNode kafkaBindings = stream.get("kafka").get("bindings");

        assertThat(destinations.values()).containsExactlyInAnyOrder(Topics.MEMBERSHIP, Topics.ORGANIZATION);
        // consumers of different topics in one group would stall each other at every rebalance
        assertThat(groups.values()).doesNotHaveDuplicates().allMatch(group -> group.startsWith("meeting-service-"));
        destinations.forEach((binding, topic) -> assertThat(kafkaBindings.get(binding).get("consumer")
                .get("dlq-name").asString()).isEqualTo(Topics.deadLetter(topic, groups.get(binding))));
    }

    @Test
    void services_start_only_when_kafka_mongodb_and_the_identity_provider_are_healthy() {
        for (String name : SERVICES) {
            JsonNode dependsOn = service(name).get("depends_on");
            for (String infrastructure : List.of("kafka", "mongo", "keycloak")) {
                assertThat(dependsOn.get(infrastructure).get("condition").asString()).as(name + " → "
                        + infrastructure).isEqualTo("service_healthy");
                assertThat(service(infrastructure).get("healthcheck")).as(infrastructure + " healthcheck")
                        .isNotNull();
            }
        }
    }

    @Test
    void the_tokens_services_trust_come_from_the_identity_providers_realm() {
        SERVICES.forEach(name -> {
            assertThat(env(name, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI"))
                    .isEqualTo(env("keycloak", "KC_HOSTNAME") + "/realms/chibo");
            assertThat(env(name, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI"))
                    .startsWith("http://keycloak:8080/realms/chibo/");
        });
    }

    @Test
    void the_identity_provider_has_the_same_clients_roles_and_subtrees_as_the_local_authorization_server()
            throws IOException {
        JsonNode local = applicationYml("auth-server").get("chibo").get("auth").get("clients");
        JsonNode realm = JsonMapper.builder().build().readTree(Files.readString(
                root().resolve("deploy/keycloak/chibo-realm.json")));
        Map<String, String> localClients = new TreeMap<>();
        local.values().forEach(client -> localClients.put(client.get("id").asString(), client.get("secret")
                .asString() + " " + client.get("roles").toString().replace("\"", "") + " "
                + (client.has("org") ? client.get("org").asString() : "-")));
        Map<String, String> realmClients = new TreeMap<>();
        realm.get("clients").values().stream().filter(client -> client.get("serviceAccountsEnabled").asBoolean())
                .forEach(client -> {
            Map<String, String> claims = new TreeMap<>();
            client.get("protocolMappers").values().forEach(mapper -> claims.put(
                    mapper.get("config").get("claim.name").asString(),
                    mapper.get("config").get("claim.value").asString()));
            realmClients.put(client.get("clientId").asString(), client.get("secret").asString() + " "
                    + claims.get("roles").replace("\"", "") + " " + claims.getOrDefault("org", "-"));
        });

        assertThat(realmClients).isEqualTo(localClients);
    }

    @Test
    void the_identity_provider_has_the_dashboards_login_client_and_the_local_authorization_servers_demo_people()
            throws IOException {
        JsonNode login = applicationYml("auth-server").get("chibo").get("auth").get("login");
        JsonNode realm = JsonMapper.builder().build().readTree(Files.readString(
                root().resolve("deploy/keycloak/chibo-realm.json")));
        JsonNode local = login.get("clients").get(0);
        JsonNode client = realm.get("clients").values().stream()
                .filter(candidate -> candidate.get("clientId").asString().equals(local.get("id").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + local.get("id") + " in the realm"));
        String dashboard = "http://localhost:" + env("dashboard", "SERVER_PORT");

        assertThat(client.get("secret").asString()).isEqualTo(local.get("secret").asString());
        assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(client.get("redirectUris").values().stream().map(JsonNode::asString))
                .containsExactly(dashboard + "/login/oauth2/code/chibo");
        assertThat(client.get("attributes").get("post.logout.redirect.uris").asString())
                .isEqualTo(dashboard + "/logged-out");
        Map<String, JsonNode> mappers = new TreeMap<>();
        client.get("protocolMappers").values().forEach(mapper -> mappers.put(
                mapper.get("config").get("claim.name").asString(), mapper.get("config")));
        assertThat(mappers).containsOnlyKeys("roles", "org");
        mappers.values().forEach(config -> assertThat(config.get("id.token.claim").asString()
                + config.get("access.token.claim").asString()).as("the dashboard reads the ID token, the services"
                + " the access token").isEqualTo("truetrue"));

        Map<String, String> groupOrgs = new TreeMap<>();
        realm.get("groups").values().forEach(group -> groupOrgs.put(group.get("path").asString(),
                group.get("attributes").get("org").get(0).asString()));
        Set<String> inScope = realm.get("scopeMappings").values().stream()
                .filter(mapping -> mapping.get("client").asString().equals(local.get("id").asString()))
                .flatMap(mapping -> mapping.get("roles").values().stream()).map(JsonNode::asString)
                .collect(Collectors.toSet());
        Map<String, String> localPeople = new TreeMap<>();
        login.get("users").values().forEach(user -> localPeople.put(user.get("username").asString(),
                user.get("password").asString() + " | " + user.get("name").asString() + " | "
                        + user.get("roles").values().stream().map(JsonNode::asString).sorted().toList() + " | "
                        + (user.has("org") ? user.get("org").asString() : "-")));
        Map<String, String> realmPeople = new TreeMap<>();
        realm.get("users").values().forEach(user -> {
            List<String> roles = user.get("realmRoles").values().stream().map(JsonNode::asString).sorted().toList();
            assertThat(inScope).as("roles reach the token only when in the client's scope").containsAll(roles);
            List<String> orgs = user.has("groups") ? user.get("groups").values().stream()
                    .map(group -> groupOrgs.get(group.asString())).toList() : List.of();
            assertThat(orgs).as(user.get("username") + " is in at most one organisation").hasSizeLessThan(2);
            realmPeople.put(user.get("username").asString(), user.get("credentials").get(0).get("value").asString()
                    + " | " + user.get("firstName").asString() + " " + user.get("lastName").asString() + " | "
                    + roles + " | " + (orgs.isEmpty() ? "-" : orgs.getFirst()));
        });

        assertThat(realmPeople).isEqualTo(localPeople);
    }

    @Test
    void the_dashboard_listens_on_its_own_port_reads_reporting_service_and_sends_browsers_to_the_realm()
            throws IOException {
        String port = applicationYml("dashboard").get("server").get("port").asString();
        String reporting = applicationYml("reporting-service").get("server").get("port").asString();

        assertThat(env("dashboard", "SERVER_PORT")).isEqualTo(port);
        assertThat(service("dashboard").get("ports").values().stream().map(JsonNode::asString))
                .contains(port + ":" + port);
        assertThat(service("dashboard").get("healthcheck").get("test").toString())
                .contains("localhost:" + port + "/actuator/health");
        assertThat(service("dashboard").get("build").get("args").get("SERVICE").asString()).isEqualTo("dashboard");
        assertThat(env("dashboard", "CHIBO_DASHBOARD_REPORTINGURL")).isEqualTo("http://reporting-service:" + reporting);
        assertThat(env("dashboard", "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CHIBO_AUTHORIZATIONURI"))
                .startsWith(env("keycloak", "KC_HOSTNAME") + "/realms/chibo/");
        assertThat(env("dashboard", "CHIBO_DASHBOARD_ENDSESSIONURI"))
                .startsWith(env("keycloak", "KC_HOSTNAME") + "/realms/chibo/");
        assertThat(env("dashboard", "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CHIBO_TOKENURI"))
                .startsWith("http://keycloak:8080/realms/chibo/");
        assertThat(service("dashboard").get("depends_on").get("reporting-service").get("condition").asString())
                .isEqualTo("service_healthy");
    }

    @Test
    void prometheus_scrapes_every_service_with_a_metrics_token() throws IOException {
        JsonNode scrape = YAML.readTree(Files.readString(root().resolve("deploy/prometheus/prometheus.yml")))
                .get("scrape_configs").get(0);
        List<String> targets = scrape.get("static_configs").get(0).get("targets").values().stream()
                .map(JsonNode::asString).toList();

        assertThat(targets).containsExactlyInAnyOrderElementsOf(SERVICES.stream()
                .map(name -> name + ":" + env(name, "SERVER_PORT")).toList());
        assertThat(scrape.get("metrics_path").asString()).isEqualTo("/actuator/prometheus");
        assertThat(scrape.get("oauth2").get("client_id").asString()).isEqualTo("prometheus");
    }

    @Test
    void every_service_and_the_dashboard_send_their_traces_to_the_trace_backend_that_grafana_reads() throws IOException {
        JsonNode jaeger = service("jaeger");
        List<String> ports = jaeger.get("ports").values().stream().map(JsonNode::asString).toList();
        assertThat(ports).contains("4318:4318", "16686:16686");
        for (String name : List.of("membership-service", "meeting-service", "reporting-service", "dashboard")) {
            assertThat(env(name, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"))
                    .isEqualTo("http://jaeger:4318/v1/traces");
            assertThat(Double.parseDouble(env(name, "MANAGEMENT_TRACING_SAMPLING_PROBABILITY"))).isBetween(0.0, 1.0);
        }
        JsonNode datasource = YAML.readTree(Files.readString(root().resolve(
                "deploy/grafana/provisioning/datasources/jaeger.yml"))).get("datasources").get(0);
        assertThat(datasource.get("type").asString()).isEqualTo("jaeger");
        assertThat(datasource.get("url").asString()).isEqualTo("http://jaeger:16686");
    }

    /**
     * Grafana alerts on the outbox's lag, dead letters, parked events and the figures' freshness, each on a metric a
     * service really registers (its Micrometer name, as Prometheus spells it: dots to underscores, a counter's
     * {@code _total}, a base unit's suffix).
     */
    @Test
    void grafana_alerts_on_outbox_lag_dead_letters_parked_events_and_freshness_from_metrics_the_services_register()
            throws IOException {
        JsonNode rules = YAML.readTree(Files.readString(root().resolve(
                "deploy/grafana/provisioning/alerting/chibo.yml"))).get("groups").get(0).get("rules");
        Map<String, String> exprByTitle = new TreeMap<>();
        rules.values().forEach(rule -> exprByTitle.put(rule.get("title").asString(),
                rule.get("data").get(0).get("model").get("expr").asString()));
        Set<String> registered = registeredMeters();

        assertThat(exprByTitle).containsOnlyKeys("Outbox lag", "Dead letters", "Parked events", "Figures not fresh");
        exprByTitle.forEach((title, expr) -> {
            var metrics = java.util.regex.Pattern.compile("chibo_[a-z_]+").matcher(expr).results()
                    .map(java.util.regex.MatchResult::group).toList();
            assertThat(metrics).as(title).isNotEmpty().allSatisfy(metric -> assertThat(registered)
                    .as(title + ": " + metric + " is registered by a service").contains(
                            metric.replaceAll("_(total|seconds)$", "").replace('_', '.')));
        });
        rules.values().forEach(rule -> assertThat(rule.get("data").get(0).get("datasourceUid").asString())
                .isEqualTo("prometheus"));
    }

    /** The names every main source gives {@code Counter.builder} and {@code Gauge.builder}. */
    private static Set<String> registeredMeters() throws IOException {
        var builder = java.util.regex.Pattern.compile("(?:Counter|Gauge)\\.builder\\(\"([a-z._]+)\"");
        Set<String> names = new HashSet<>();
        try (var files = Files.walk(root())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")
                    && path.toString().contains("/src/main/")).toList()) {
                builder.matcher(Files.readString(file)).results().forEach(match -> names.add(match.group(1)));
            }
        }
        return names;
    }

    /** application.yml keys as the environment variables Spring's relaxed binding maps to them. */
    private static void flatten(String prefix, JsonNode node, Set<String> into) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        } else {
            into.add(prefix.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
        }
    }

    /** YAML merge keys ({@code <<: *anchor}), which compose honours and a YAML 1.2 parser leaves as keys. */
    private static JsonNode resolveMerges(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode resolved = object.objectNode();
            JsonNode merged = object.get("<<");
            if (merged != null) {
                for (JsonNode source : merged.isArray() ? merged.values() : List.of(merged)) {
                    resolveMerges(source).properties().forEach(e -> resolved.set(e.getKey(), e.getValue()));
                }
            }
            object.properties().forEach(e -> {
                if (!e.getKey().equals("<<")) {
                    JsonNode value = resolveMerges(e.getValue());
                    JsonNode existing = resolved.get(e.getKey());
                    if (existing instanceof ObjectNode base && value instanceof ObjectNode overlay) {
                        ObjectNode combined = base.deepCopy();
                        overlay.properties().forEach(o -> combined.set(o.getKey(), o.getValue()));
                        resolved.set(e.getKey(), combined);
                    } else {
                        resolved.set(e.getKey(), value);
                    }
                }
            });
            return resolved;
        }
        if (node != null && node.isArray()) {
            var array = JsonMapper.builder().build().createArrayNode();
            node.values().forEach(item -> array.add(resolveMerges(item)));
            return array;
        }
        return node;
    }
}
