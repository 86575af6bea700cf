package org.clinicbooking.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Command-line options of the harness; {@link #usage()} lists them with their defaults. */
record BenchmarkOptions(
        URI gateway,
        String databaseUrl,
        Path repositoryRoot,
        Duration levelDuration,
        Duration warmUpDuration,
        String adminEmail,
        String adminPassword) {

    static String usage() {
        return """
                Usage: platform/benchmarks/run.sh [options]
                  --gateway URL          gateway base URL (default http://127.0.0.1:8080/)
                  --database URL         JDBC URL of the MariaDB or MySQL server with a user allowed to read
                                         every schema and create bench_direct, and no database
                                         (default jdbc:mariadb://127.0.0.1:3306/?user=root)
                  --seconds N            duration of each load level in seconds (default 15)
                  --warm-up-seconds N    duration of the unmeasured 16-client load before the first level
                                         (default 60)
                  --repository-root DIR  the repository checkout (default: the current directory)
                The admin signs in with CLINIC_ADMIN_EMAIL and CLINIC_ADMIN_PASSWORD from the environment
                (run.sh reads them from deploy/local/.run/secrets.env).
                """;
    }

    static BenchmarkOptions parse(String[] args) {
        URI gateway = URI.create("http://127.0.0.1:8080/");
        String databaseUrl = "jdbc:mariadb://127.0.0.1:3306/?user=root";
        Path repositoryRoot = Path.of("").toAbsolutePath();
        Duration levelDuration = Duration.ofSeconds(15);
        Duration warmUpDuration = Duration.ofSeconds(60);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help")) {
                System.out.print(usage());
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value.\n" + usage());
            }
            String value = args[++i];
            switch (option) {
                case "--gateway" -> gateway = URI.create(value.endsWith("/") ? value : value + "/");
                case "--database" -> databaseUrl = value;
                case "--seconds" -> levelDuration = Duration.ofSeconds(Long.parseLong(value));
                case "--warm-up-seconds" -> warmUpDuration = Duration.ofSeconds(Long.parseLong(value));
                case "--repository-root" -> repositoryRoot = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("Unknown option " + option + ".\n" + usage());
            }
        }
        String email = System.getenv("CLINIC_ADMIN_EMAIL");
        String password = System.getenv("CLINIC_ADMIN_PASSWORD");
        if (email == null || password == null) {
            throw new IllegalArgumentException(
                    "CLINIC_ADMIN_EMAIL and CLINIC_ADMIN_PASSWORD are not set; source deploy/local/.run/secrets.env"
                            + " first, or use run.sh, which does.");
        }
        return new BenchmarkOptions(
                gateway, databaseUrl, repositoryRoot, levelDuration, warmUpDuration, email, password);
    }
}
