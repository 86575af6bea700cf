package org.clinicbooking.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures every scenario records as it runs, written to RELIABILITY.md at the repository
 * root when the test plan finishes. A scenario records its counts before it asserts on them,
 * so a failed run still shows what was lost or duplicated.
 */
public final class ReliabilityReport {

    private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();
    private static final Instant STARTED = Instant.now();

    /** One scenario: what was injected, what was checked, its figures and its outcome. */
    public static final class Section {
        private final String title;
        private String injected = "";
        private String checked = "";
        private final Map<String, String> figures = new LinkedHashMap<>();
        private final List<String> failures = new ArrayList<>();
        private Duration duration;

        private Section(String title) {
            this.title = title;
        }

        public Section injected(String text) {
            this.injected = text;
            return this;
        }

        public Section checked(String text) {
            this.checked = text;
            return this;
        }

        public synchronized Section figure(String label, Object value) {
            figures.put(label, String.valueOf(value));
            return this;
        }

        synchronized void failed(String test, String message) {
            failures.add(test + ": "
                    + (message == null ? "failed" : message.lines().findFirst().orElse("")));
        }

        void finished(Duration duration) {
            this.duration = duration;
        }
    }

    private ReliabilityReport() {}

    /** Returns the section of TEST_CLASS, creating it with TITLE on first use. */
    public static synchronized Section section(Class<?> testClass, String title) {
        return SECTIONS.computeIfAbsent(testClass.getName(), key -> new Section(title));
    }

    static synchronized Section existing(String testClassName) {
        return SECTIONS.get(testClassName);
    }

    /** Writes the report to FILE. */
    static synchronized void write(Path file) {
        StringBuilder out = new StringBuilder();
        out.append("# Reliability\n\n");
        out.append("Written by the fault and security suite (`platform/system-tests/faults.sh`, run by ")
                .append("`deploy/local/test.sh`) against the local stack: five services, the nginx gateway, ")
                .append("MariaDB and a single-node Kafka on one machine. Do not edit it by hand; rerun the suite.\n\n");
        out.append("- Run finished: ")
                .append(DateTimeFormatter.ISO_INSTANT.format(
                        Instant.now().atOffset(ZoneOffset.UTC).withNano(0)))
                .append(", after ")
                .append(Duration.between(STARTED, Instant.now()).toSeconds())
                .append(" s\n");
        out.append("- Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append("\n\n");

        out.append("| Scenario | Result | Lost | Duplicated | 5xx |\n|---|---|---|---|---|\n");
        for (Section section : SECTIONS.values()) {
            out.append("| ")
                    .append(section.title)
                    .append(" | ")
                    .append(section.failures.isEmpty() ? "passed" : "FAILED")
                    .append(" | ")
                    .append(section.figures.getOrDefault("Lost", "n/a"))
                    .append(" | ")
                    .append(section.figures.getOrDefault("Duplicated", "n/a"))
                    .append(" | ")
                    .append(section.figures.getOrDefault("5xx answers", "n/a"))
                    .append(" |\n");
        }
        out.append('\n');

        for (Section section : SECTIONS.values()) {
            out.append("## ").append(section.title).append("\n\n");
            out.append("**Injected.** ").append(section.injected).append("\n\n");
            out.append("**Checked.** ").append(section.checked).append("\n\n");
            out.append("| Figure | Value |\n|---|---|\n");
            section.figures.forEach((label, value) -> out.append("| ")
                    .append(label)
                    .append(" | ")
                    .append(value.replace("|", "\\|"))
                    .append(" |\n"));
            if (section.duration != null) {
                out.append("| Duration | ").append(section.duration.toSeconds()).append(" s |\n");
            }
            out.append('\n');
            if (section.failures.isEmpty()) {
                out.append("Result: passed.\n\n");
            } else {
                out.append("Result: FAILED.\n\n");
                section.failures.forEach(failure ->
                        out.append("- ").append(failure.replace("\n", " ")).append('\n'));
                out.append('\n');
            }
        }
        try {
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
