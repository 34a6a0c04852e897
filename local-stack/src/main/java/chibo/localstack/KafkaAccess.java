package chibo.localstack;

import chibo.contracts.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who may use the local stack's broker, and for what. The broker takes only authenticated clients (SASL SCRAM-SHA-512
 * on its client listener; the broker's own controller link uses SASL PLAIN with the administrator's static
 * credentials) and authorises every request by ACL, with nothing allowed that no ACL allows. Each service has its
 * own principal and the rules of {@code kafka-acls.txt} (shared with docker compose): membership-service alone writes
 * {@code party.membership.events} and {@code party.organization.events}, meeting-service alone
 * {@code party.meeting.events}, reporting-service alone its own topics and transactions; each reads only the topics
 * it consumes, in its own consumer groups. The administrator ({@code admin}) is the only super user: the stack
 * itself, tests and the benchmark use it, and so can a person with {@code kcat}.
 *
 * <p>The passwords are local-demo credentials generated at the first start of a data directory and kept in
 * {@code <data-dir>/kafka/credentials.properties} (readable by its owner only), never committed anywhere.
 */
public final class KafkaAccess {

    public static final String ADMIN = "admin";
    static final String MECHANISM = "SCRAM-SHA-512";
    private static final List<String> SERVICES = List.of(LocalStack.MEMBERSHIP, LocalStack.MEETING,
            LocalStack.REPORTING);

    private final Map<String, String> passwords;

    private KafkaAccess(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    /** The credentials of a data directory: read, or generated and written at its first start. */
    static KafkaAccess of(Path kafkaDir) {
        Path file = kafkaDir.resolve("credentials.properties");
        try {
            Files.createDirectories(kafkaDir);
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            boolean generated = false;
            SecureRandom random = new SecureRandom();
            for (String principal : principals()) {
                String password = stored.getProperty(principal);
                if (password == null) {
                    byte[] bytes = new byte[18];
                    random.nextBytes(bytes);
                    password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    stored.setProperty(principal, password);
                    generated = true;
                }
                passwords.put(principal, password);
            }
            if (generated) {
                try (var out = Files.newBufferedWriter(file)) {
                    stored.store(out, "chibo local stack: Kafka credentials for local demonstration only");
                }
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the data directory's own protection applies
                }
            }
            return new KafkaAccess(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> principals() {
        List<String> all = new ArrayList<>();
        all.add(ADMIN);
        all.addAll(SERVICES);
        return all;
    }

    String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka principal " + principal);
        }
        return password;
    }

    /** The properties a Kafka client needs to connect as {@code principal}. */
    public Map<String, Object> clientProperties(String principal) {
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.scram.ScramLoginModule",
                        principal, password(principal)));
    }

    /** The Spring Boot arguments that make a service connect as its own principal. */
    List<String> springArguments(String service) {
        Map<String, Object> client = clientProperties(service);
        return List.of("--spring.kafka.security.protocol=SASL_PLAINTEXT",
                "--spring.kafka.properties.sasl.mechanism=" + MECHANISM,
                "--spring.kafka.properties.sasl.jaas.config=" + client.get(SaslConfigs.SASL_JAAS_CONFIG));
    }

    static String jaas(String module, String user, String password) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /** The broker's own settings for SASL on both listeners and for authorisation by ACL. */
    List<String> brokerProperties() {
        String adminPassword = password(ADMIN);
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\";";
        return List.of(
                "sasl.enabled.mechanisms=" + MECHANISM + ",PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config=" + plain,
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                        + jaas("org.apache.kafka.common.security.scram.ScramLoginModule", ADMIN, adminPassword),
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + plain,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + ADMIN,
                "allow.everyone.if.no.acl.found=false");
    }

    /** The administrator's client properties over PLAIN: valid before any SCRAM credential exists. */
    Map<String, Object> bootstrapAdminProperties() {
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.plain.PlainLoginModule",
                        ADMIN, password(ADMIN)));
    }

    /**
     * Gives every principal its SCRAM credential, creates the event topics and grants the ACLs: all idempotent, so
     * it runs at every start (a data directory from before the broker was closed gets them on its first start).
     */
    void grant(Admin admin, int partitions) throws ExecutionException, InterruptedException, TimeoutException {
        List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
        for (String principal : principals()) {
            credentials.add(new UserScramCredentialUpsertion(principal,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(principal)));
        }
        admin.alterUserScramCredentials(List.copyOf(credentials)).all().get(30, TimeUnit.SECONDS);
        List<NewTopic> topics = Topics.ALL.stream().map(topic -> new NewTopic(topic, partitions, (short) 1)
                .configs(Map.of("retention.ms", "-1"))).toList();
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        admin.createAcls(acls()).all().get(30, TimeUnit.SECONDS);
    }

    /** The rules every broker of chibo enforces, one per line of {@code kafka-acls.txt} beside this class. */
    static final String RULES = "kafka-acls.txt";

    /** What each service may do: the rules of {@link #RULES}, as ACL bindings. */
    static List<AclBinding> acls() {
        try (var in = KafkaAccess.class.getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException("no " + RULES + " beside " + KafkaAccess.class.getName());
            }
            return acls(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads rules: {@code principal resource-type name pattern operation...} per line, {@code #} comments. The
     * operations and types are those of {@code kafka-acls.sh} ({@code Write}, {@code IdempotentWrite},
     * {@code transactional-id}…).
     */
    static List<AclBinding> acls(String rules) {
        List<AclBinding> acls = new ArrayList<>();
        int number = 0;
        for (String line : rules.split("\n")) {
            number++;
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            String[] words = rule.split("\\s+");
            if (words.length < 5) {
                throw new IllegalArgumentException(RULES + " line " + number + ": principal, resource type, name,"
                        + " pattern and at least one operation expected: " + rule);
            }
            ResourceType type = ResourceType.fromString(words[1].replace("-", "_").toUpperCase(Locale.ROOT));
            PatternType pattern = PatternType.fromString(words[3].toUpperCase(Locale.ROOT));
            if (type == ResourceType.UNKNOWN || pattern == PatternType.UNKNOWN) {
                throw new IllegalArgumentException(RULES + " line " + number + ": unknown resource type or"
                        + " pattern: " + rule);
            }
            for (int i = 4; i < words.length; i++) {
                AclOperation operation = AclOperation.fromString(words[i].replaceAll("([a-z])([A-Z])", "$1_$2")
                        .toUpperCase(Locale.ROOT));
                if (operation == AclOperation.UNKNOWN) {
                    throw new IllegalArgumentException(RULES + " line " + number + ": unknown operation "
                            + words[i]);
                }
                acls.add(new AclBinding(new ResourcePattern(type, words[2], pattern),
                        new AccessControlEntry("User:" + words[0], "*", operation, AclPermissionType.ALLOW)));
            }
        }
        return acls;
    }
}
