package org.clinicbooking.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The local stack that deploy/local/up.sh (or test.sh) started: where its gateway, services and
 * secrets are, and the deploy/local scripts that stop and start its parts. Every fault this
 * suite injects goes through those scripts, so it hits the same processes a developer runs.
 */
public final class Stack {

    /** The five services with their HTTP ports, in start order. */
    public static final Map<String, Integer> SERVICES = services();

    /** The schema of each service; the database user has the same name. */
    public static final List<String> SCHEMAS =
            List.of("user_service", "scheduling_service", "billing_service", "clinical_service", "audit_service");

    /** The schemas whose services publish through an outbox. */
    public static final List<String> OUTBOX_SCHEMAS =
            List.of("user_service", "scheduling_service", "billing_service", "clinical_service");

    /** The topic each outbox schema publishes to. */
    public static final Map<String, String> TOPICS = Map.of(
            "user_service", "user-events",
            "scheduling_service", "scheduling-events",
            "billing_service", "billing-events",
            "clinical_service", "clinical-events");

    public static final String HOST = "127.0.0.1";
    public static final int KAFKA_PORT = 9092;

    private static final Logger LOG = Logger.getLogger(Stack.class.getName());
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);

    private static Stack instance;

    private final Path repositoryRoot;
    private final URI gateway;
    private final Map<String, String> secrets;

    private Stack(Path repositoryRoot, URI gateway, Map<String, String> secrets) {
        this.repositoryRoot = repositoryRoot;
        this.gateway = gateway;
        this.secrets = secrets;
    }

    /** Returns the stack described by deploy/local/.run/secrets.env and BASE_URL. */
    public static synchronized Stack get() {
        if (instance == null) {
            Path root = Path.of(System.getProperty("repository.root", "../.."))
                    .toAbsolutePath()
                    .normalize();
            String base = System.getenv().getOrDefault("BASE_URL", "http://" + HOST + ":8080");
            instance = new Stack(root, URI.create(base), readSecrets(root.resolve("deploy/local/.run/secrets.env")));
        }
        return instance;
    }

    public URI gateway() {
        return gateway;
    }

    public URI service(String name) {
        return URI.create("http://" + HOST + ":" + SERVICES.get(name));
    }

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    public String adminEmail() {
        return secret("CLINIC_ADMIN_EMAIL");
    }

    public String adminPassword() {
        return secret("CLINIC_ADMIN_PASSWORD");
    }

    /** Returns the database password of SCHEMA's own user, such as user_service. */
    public String databasePassword(String schema) {
        return secret(schema.toUpperCase() + "_DB_PASSWORD");
    }

    public Path jwtPrivateKey() {
        return repositoryRoot.resolve("deploy/local/.run/keys/jwt-private.pem");
    }

    public void stopKafka() {
        script("kafka.sh", "stop");
    }

    public void startKafka() {
        script("kafka.sh", "start");
    }

    /** Restarts MariaDB through mariadb.sh, also when these scripts did not start it. */
    public void restartDatabase() {
        script("mariadb.sh", "restart");
    }

    /** Stops every service gracefully. */
    public void stopServices() {
        script("services.sh", "stop");
    }

    /** Starts every service that is not running and waits until each is ready. */
    public void startServices() {
        script("services.sh", "start");
    }

    /** Sends SIGKILL to SERVICE, as a crashed node or an OOM kill would end it. */
    public void kill(String service) {
        Path pidFile = repositoryRoot.resolve("deploy/local/.run/pids/" + service + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
            LOG.info("Sending SIGKILL to " + service + " (pid " + pid + ")");
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read " + pidFile + "; start the stack with deploy/local/up.sh", e);
        } catch (Exception e) {
            throw new IllegalStateException("Killing " + service + " failed: " + e.getMessage(), e);
        }
    }

    private void script(String name, String command) {
        Path script = repositoryRoot.resolve("deploy/local/" + name);
        LOG.info("Running " + name + " " + command);
        try {
            Process process = new ProcessBuilder(script.toString(), command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(repositoryRoot
                            .resolve("deploy/local/.run/logs/system-tests-scripts.log")
                            .toFile()))
                    .start();
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " " + command + " timed out after " + SCRIPT_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " " + command + " failed with exit code " + process.exitValue()
                        + "; see deploy/local/.run/logs/system-tests-scripts.log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " " + command + " was interrupted", e);
        }
    }

    private String secret(String name) {
        String fromEnvironment = System.getenv(name);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        String value = secrets.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is missing from deploy/local/.run/secrets.env and the environment;"
                    + " bring the stack up with deploy/local/up.sh first");
        }
        return value;
    }

    private static Map<String, String> readSecrets(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || equals < 0) {
                    continue;
                }
                values.put(
                        line.substring(0, equals).trim(),
                        unquote(line.substring(equals + 1).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("'") || value.startsWith("\""))
                && value.endsWith(value.substring(0, 1))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static Map<String, Integer> services() {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("user-service", 8081);
        services.put("scheduling-service", 8082);
        services.put("billing-service", 8083);
        services.put("clinical-service", 8084);
        services.put("audit-service", 8085);
        return services;
    }
}
