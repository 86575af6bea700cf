package org.clinicbooking.demodata;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The settings of one import. The admin's credentials come from the environment
 * ({@code CLINIC_ADMIN_EMAIL}, {@code CLINIC_ADMIN_PASSWORD}), never from the command line,
 * where other users of the machine could read them.
 */
record ImportOptions(
        URI gateway,
        String adminEmail,
        String adminPassword,
        long seed,
        int population,
        String state,
        ZoneId timeZone,
        LocalDate referenceDate,
        int years,
        int parallelism,
        Path cacheDirectory,
        Path syntheaClasspathFile,
        Path summaryFile) {

    static final String USAGE = """
            Usage: import-demo-data [options]
            Generates a Synthea population (cached) and imports it through the gateway.
            The admin's login comes from the environment variables CLINIC_ADMIN_EMAIL and
            CLINIC_ADMIN_PASSWORD.

              --gateway URL             base URL of the gateway (default http://127.0.0.1:8080)
              --seed N                  Synthea seed for people and clinicians (default 42)
              --population N            living patients to generate (default 50)
              --state NAME              US state to generate in (default Massachusetts)
              --time-zone ZONE          IANA time zone of the clinics; must suit the state
                                        (default America/New_York)
              --reference-date DATE     the day the simulation ends, YYYY-MM-DD (default 2027-02-01);
                                        encounters after today become upcoming appointments
              --years N                 import only encounters of the last N years before the
                                        reference date, and only the doctors who performed
                                        them; 0 imports all 10 years that Synthea exports
                                        and every provider (default 3)
              --parallelism N           requests in flight at once (default 4)
              --cache-dir DIR           where Synthea's output is cached, in DIR/<seed>-<population>
                                        (default deploy/local/.run/synthea)
              --synthea-classpath FILE  file holding Synthea's classpath
                                        (default platform/demo-data/target/synthea-classpath.txt)
              --summary FILE            where to write the summary as JSON
                                        (default deploy/local/.run/import-summary.json)
              --help                    print this text
            """;

    /** Parses ARGS; paths default to places inside REPOSITORY_ROOT. */
    static ImportOptions parse(String[] args, Map<String, String> environment, Path repositoryRoot) {
        URI gateway = URI.create("http://127.0.0.1:8080/");
        long seed = 42;
        int population = 50;
        String state = "Massachusetts";
        ZoneId timeZone = ZoneId.of("America/New_York");
        LocalDate referenceDate = LocalDate.of(2027, 2, 1);
        int years = 3;
        int parallelism = 4;
        Path cacheDirectory = repositoryRoot.resolve("deploy/local/.run/synthea");
        Path syntheaClasspathFile = repositoryRoot.resolve("platform/demo-data/target/synthea-classpath.txt");
        Path summaryFile = repositoryRoot.resolve("deploy/local/.run/import-summary.json");

        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException(null);
            }
            if (i + 1 >= args.length) {
                throw new UsageException("Missing value after " + option);
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--gateway" -> gateway = URI.create(value.endsWith("/") ? value : value + "/");
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--population" -> population = positive(option, Integer.parseInt(value));
                    case "--state" -> state = value;
                    case "--time-zone" -> timeZone = ZoneId.of(value);
                    case "--reference-date" -> referenceDate = LocalDate.parse(value);
                    case "--years" -> years = notNegative(option, Integer.parseInt(value));
                    case "--parallelism" -> parallelism = positive(option, Integer.parseInt(value));
                    case "--cache-dir" -> cacheDirectory = Path.of(value);
                    case "--synthea-classpath" -> syntheaClasspathFile = Path.of(value);
                    case "--summary" -> summaryFile = Path.of(value);
                    default -> throw new UsageException("Unknown option " + option);
                }
            } catch (RuntimeException e) {
                if (e instanceof UsageException usage) {
                    throw usage;
                }
                throw new UsageException("Invalid value '" + value + "' for " + option + ": " + e.getMessage());
            }
        }

        String adminEmail = required(environment, "CLINIC_ADMIN_EMAIL");
        String adminPassword = required(environment, "CLINIC_ADMIN_PASSWORD");
        return new ImportOptions(
                gateway,
                adminEmail,
                adminPassword,
                seed,
                population,
                state,
                timeZone,
                referenceDate,
                years,
                parallelism,
                cacheDirectory,
                syntheaClasspathFile,
                summaryFile);
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("The environment variable " + name
                    + " is not set; deploy/local/import-demo-data.sh reads it from deploy/local/.run/secrets.env");
        }
        return value;
    }

    private static int positive(String option, int value) {
        if (value < 1) {
            throw new UsageException(option + " must be at least 1, was " + value);
        }
        return value;
    }

    private static int notNegative(String option, int value) {
        if (value < 0) {
            throw new UsageException(option + " must be 0 or more, was " + value);
        }
        return value;
    }

    /** Thrown for invalid command-line input; a null message requests the usage text alone. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
