package org.clinicbooking.demodata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import org.clinicbooking.demodata.importer.ImportReport;
import org.clinicbooking.demodata.importer.ImportRun;
import org.clinicbooking.demodata.synthea.SyntheaGenerator;

/** The outcome of one import, printed as a table and written as JSON. */
record ImportSummary(
        ImportOptions options,
        SyntheaGenerator.Output synthea,
        Instant windowStart,
        ImportRun result,
        String stopReason,
        Instant startedAt,
        Duration totalTime) {

    double encountersPerSecond() {
        double seconds = result.encounterTime().toMillis() / 1000.0;
        return seconds == 0 ? 0 : result.visits() / seconds;
    }

    void print(PrintStream out) {
        ImportReport report = result.report();
        ImportRun.SourceCounts source = result.source();
        out.println();
        out.println(stopReason == null ? "Demo data import summary" : "Demo data import summary (STOPPED EARLY)");
        if (stopReason != null) {
            out.println("  Stopped because: " + stopReason);
        }
        out.printf(
                "  Synthea: seed %d, %d living patients in %s, reference date %s, %s%n",
                options.seed(),
                options.population(),
                options.state(),
                options.referenceDate(),
                synthea.generated()
                        ? "generated in " + synthea.generationTime().toSeconds() + " s"
                        : "read from the cache");
        if (source != null) {
            out.printf(
                    "  Source: %d organizations, %d providers, %d patients (%d living), %d encounters (%d of living patients)%n",
                    source.organizations(),
                    source.providers(),
                    source.patients(),
                    source.livingPatients(),
                    source.encounters(),
                    source.encountersOfLivingPatients());
            out.printf(
                    "  Window: %s; %d encounters and %d medications in it%n",
                    windowStart == null
                            ? "all encounters (--years 0)"
                            : "encounters of the last " + options.years() + " years, from " + windowStart
                                    + " (--years 0 imports all)",
                    source.encountersInWindow(),
                    source.medicationsInWindow());
        }
        out.printf(
                "  Time: %.1f s in total; %d encounters in %.1f s, %.2f encounters per second%n",
                totalTime.toMillis() / 1000.0,
                result.visits(),
                result.encounterTime().toMillis() / 1000.0,
                encountersPerSecond());
        out.println("  Staff user of this run: " + result.staffEmail());
        out.println();

        out.printf("  %-22s %8s %8s %8s %8s%n", "kind", "created", "existing", "rejected", "skipped");
        TreeSet<String> kinds = new TreeSet<>(report.created().keySet());
        kinds.addAll(report.existing().keySet());
        report.rejected().keySet().forEach(rejection -> kinds.add(rejection.kind()));
        report.skipped().keySet().forEach(skip -> kinds.add(skip.kind()));
        for (String kind : kinds) {
            out.printf(
                    "  %-22s %8d %8d %8d %8d%n",
                    kind,
                    report.created().getOrDefault(kind, 0L),
                    report.existing().getOrDefault(kind, 0L),
                    sum(report.rejected(), kind),
                    sumSkipped(report.skipped(), kind));
        }

        if (!report.rejected().isEmpty()) {
            out.println();
            out.println("  Rejected by the API (count, kind, status, problem type, detail):");
            report.rejected()
                    .forEach((rejection, count) -> out.printf(
                            "  %6d  %s  %d %s  %s%n",
                            count, rejection.kind(), rejection.status(), rejection.type(), rejection.detail()));
        }
        if (!report.skipped().isEmpty()) {
            out.println();
            out.println("  Not sent to the API (count, kind, reason):");
            report.skipped().forEach((skip, count) -> out.printf("  %6d  %s: %s%n", count, skip.kind(), skip.reason()));
        }
        out.println();
    }

    void write(Path file, ObjectMapper json) throws IOException {
        ImportReport report = result.report();
        ObjectNode root = json.createObjectNode();
        root.put("startedAt", startedAt.toString());
        root.put("completed", stopReason == null);
        root.put("stopReason", stopReason);
        root.put("gateway", options.gateway().toString());

        ObjectNode synthea = root.putObject("synthea");
        synthea.put("version", "3.3.0");
        synthea.put("seed", options.seed());
        synthea.put("population", options.population());
        synthea.put("state", options.state());
        synthea.put("referenceDate", options.referenceDate().toString());
        synthea.put("csvDirectory", this.synthea.csvDirectory().toString());
        synthea.put("generated", this.synthea.generated());
        synthea.put("generationSeconds", this.synthea.generationTime().toMillis() / 1000.0);

        ObjectNode window = root.putObject("window");
        window.put("years", options.years());
        window.put("from", windowStart == null ? null : windowStart.toString());
        root.set("source", json.valueToTree(result.source()));

        ObjectNode timing = root.putObject("timing");
        timing.put("totalSeconds", totalTime.toMillis() / 1000.0);
        timing.put("encounters", result.visits());
        timing.put("encounterSeconds", result.encounterTime().toMillis() / 1000.0);
        timing.put("encountersPerSecond", Math.round(encountersPerSecond() * 100) / 100.0);
        timing.put("parallelism", options.parallelism());

        root.put("staffUser", result.staffEmail());
        root.set("created", json.valueToTree(report.created()));
        root.set("existing", json.valueToTree(report.existing()));
        ArrayNode rejected = root.putArray("rejected");
        report.rejected()
                .forEach((rejection, count) -> rejected.addObject()
                        .put("kind", rejection.kind())
                        .put("status", rejection.status())
                        .put("type", rejection.type())
                        .put("detail", rejection.detail())
                        .put("count", count));
        ArrayNode skipped = root.putArray("skipped");
        report.skipped()
                .forEach((skip, count) -> skipped.addObject()
                        .put("kind", skip.kind())
                        .put("reason", skip.reason())
                        .put("count", count));

        Files.createDirectories(file.toAbsolutePath().getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static long sum(Map<ImportReport.Rejection, Long> rejected, String kind) {
        return rejected.entrySet().stream()
                .filter(entry -> entry.getKey().kind().equals(kind))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static long sumSkipped(Map<ImportReport.Skip, Long> skipped, String kind) {
        return skipped.entrySet().stream()
                .filter(entry -> entry.getKey().kind().equals(kind))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
