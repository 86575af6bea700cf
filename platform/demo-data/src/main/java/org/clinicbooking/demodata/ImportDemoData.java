package org.clinicbooking.demodata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.clinicbooking.demodata.api.ApiRejection;
import org.clinicbooking.demodata.api.GatewayClient;
import org.clinicbooking.demodata.api.GatewayUnavailableException;
import org.clinicbooking.demodata.api.Session;
import org.clinicbooking.demodata.importer.DemoDataImport;
import org.clinicbooking.demodata.importer.ImportRun;
import org.clinicbooking.demodata.synthea.SyntheaGenerator;
import org.clinicbooking.demodata.synthea.SyntheaPopulation;

/**
 * Generates a Synthea population and imports it through the gateway; see
 * {@link ImportOptions#USAGE}. Exits 0 when the import ran to its end (rejections included),
 * 1 when it stopped early and 2 on invalid options.
 */
public final class ImportDemoData {

    static {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT [import-demo-data] %4$s %5$s%6$s%n");
    }

    private static final Logger LOG = Logger.getLogger(ImportDemoData.class.getName());

    private ImportDemoData() {}

    public static void main(String[] args) {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args, System.getenv(), Path.of(System.getProperty("repository.root", ".")));
        } catch (ImportOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.print(ImportOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }

        try {
            if (!run(options)) {
                System.exit(1);
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "The import stopped: " + e.getMessage(), e);
            System.exit(1);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The import stopped", e);
            System.exit(1);
        }
    }

    /** Runs the import; returns false when it stopped early. */
    private static boolean run(ImportOptions options) throws IOException {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

        SyntheaGenerator generator = new SyntheaGenerator(options.cacheDirectory(), options.syntheaClasspathFile());
        SyntheaGenerator.Output output = generator.generate(new SyntheaGenerator.Settings(
                options.seed(), options.population(), options.state(), options.referenceDate(), 10));
        SyntheaPopulation population = SyntheaPopulation.read(output.csvDirectory());

        Instant windowStart = options.years() == 0
                ? null
                : options.referenceDate()
                        .minusYears(options.years())
                        .atStartOfDay(options.timeZone())
                        .toInstant();
        GatewayClient gateway = new GatewayClient(options.gateway(), json);
        Session admin = new Session(gateway, options.adminEmail(), options.adminPassword());
        ImportRun run = new ImportRun();
        String stopReason = null;
        try {
            new DemoDataImport(gateway, admin, options.timeZone(), options.parallelism(), Clock.system(ZoneOffset.UTC))
                    .run(population, windowStart, run);
        } catch (ApiRejection | GatewayUnavailableException e) {
            stopReason = e.getMessage();
        }

        ImportSummary summary = new ImportSummary(
                options,
                output,
                windowStart,
                run,
                stopReason,
                startedAt,
                Duration.ofNanos(System.nanoTime() - started));
        summary.print(System.out);
        summary.write(options.summaryFile(), json);
        LOG.info("Wrote the summary to " + options.summaryFile());
        return stopReason == null;
    }
}
