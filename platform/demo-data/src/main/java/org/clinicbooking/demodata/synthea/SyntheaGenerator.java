package org.clinicbooking.demodata.synthea;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs Synthea in a JVM of its own and caches its CSV output, so that a second import with the
 * same settings reads the files instead of generating them again.
 *
 * <p>The cache folder is {@code CACHE_ROOT/<seed>-<population>}. It contains {@code csv/}, Synthea's
 * log and {@code generation.properties}, which records the settings of the run; a folder whose
 * settings differ, or that a killed run left behind, is generated anew.
 */
public final class SyntheaGenerator {

    private static final Logger LOG = Logger.getLogger(SyntheaGenerator.class.getName());
    private static final String SETTINGS_FILE = "generation.properties";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Path cacheRoot;
    private final Path syntheaClasspathFile;

    /**
     * @param syntheaClasspathFile a file holding the classpath of Synthea and its dependencies,
     *     as written by {@code mvn dependency:build-classpath} on {@code platform/demo-data/synthea/pom.xml}
     */
    public SyntheaGenerator(Path cacheRoot, Path syntheaClasspathFile) {
        this.cacheRoot = cacheRoot;
        this.syntheaClasspathFile = syntheaClasspathFile;
    }

    /**
     * The settings of one Synthea run; the same settings give the same population. The
     * simulation ends on the reference date.
     */
    public record Settings(long seed, int population, String state, LocalDate referenceDate, int yearsOfHistory) {

        Properties asProperties() {
            Properties properties = new Properties();
            properties.setProperty("seed", Long.toString(seed));
            properties.setProperty("population", Integer.toString(population));
            properties.setProperty("state", state);
            properties.setProperty("referenceDate", referenceDate.toString());
            properties.setProperty("endDate", referenceDate.toString());
            properties.setProperty("yearsOfHistory", Integer.toString(yearsOfHistory));
            properties.setProperty("files", String.join(",", SyntheaPopulation.FILES));
            return properties;
        }
    }

    /** The CSV folder of a population, and whether this run generated it or found it cached. */
    public record Output(Path csvDirectory, boolean generated, Duration generationTime) {}

    public Output generate(Settings settings) {
        Path target = cacheRoot.resolve(settings.seed() + "-" + settings.population());
        if (matchesCache(target, settings)) {
            LOG.info(() -> "Using the cached Synthea population in " + target);
            return new Output(target.resolve("csv"), false, Duration.ZERO);
        }

        Path partial = cacheRoot.resolve(target.getFileName() + ".partial");
        deleteRecursively(partial);
        long startedAt = System.nanoTime();
        runSynthea(settings, partial);
        writeSettings(partial, settings);
        deleteRecursively(target);
        move(partial, target);
        Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
        LOG.info(() -> "Generated the Synthea population in " + target + " in " + took.toSeconds() + " s");
        return new Output(target.resolve("csv"), true, took);
    }

    private void runSynthea(Settings settings, Path outputDirectory) {
        createDirectories(outputDirectory);
        Path log = outputDirectory.resolve("synthea.log");
        List<String> command = command(settings, outputDirectory);
        LOG.info(() -> "Generating " + settings.population() + " living patients in " + settings.state()
                + " with Synthea (seed " + settings.seed() + ", log " + log + "); this takes a minute or two");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(outputDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "Synthea did not finish within " + TIMEOUT.toMinutes() + " minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "Synthea failed with exit code " + process.exitValue() + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Synthea", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Synthea was running", e);
        }
        for (String file : SyntheaPopulation.FILES) {
            if (!Files.isRegularFile(outputDirectory.resolve("csv").resolve(file))) {
                throw new IllegalStateException("Synthea wrote no csv/" + file + "; see " + log);
            }
        }
    }

    private List<String> command(Settings settings, Path outputDirectory) {
        String classpath = readClasspath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx2g", "-cp", classpath, "App"));
        String referenceDate = settings.referenceDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        command.addAll(List.of("-s", Long.toString(settings.seed()), "-cs", Long.toString(settings.seed())));
        command.addAll(List.of("-p", Integer.toString(settings.population())));
        // Without an end date Synthea simulates up to the current time, so the population would
        // depend on the day it was generated.
        command.addAll(List.of("-r", referenceDate, "-e", referenceDate));
        command.addAll(List.of(
                "--exporter.baseDirectory=" + outputDirectory.toAbsolutePath(),
                "--exporter.years_of_history=" + settings.yearsOfHistory(),
                "--exporter.csv.export=true",
                "--exporter.fhir.export=false",
                "--exporter.fhir.transaction_bundle=false",
                "--exporter.hospital.fhir.export=false",
                "--exporter.practitioner.fhir.export=false",
                settings.state()));
        return command;
    }

    private String readClasspath() {
        try {
            String classpath = Files.readString(syntheaClasspathFile).trim();
            if (classpath.isEmpty()) {
                throw new IllegalStateException("The Synthea classpath file is empty: " + syntheaClasspathFile);
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the Synthea classpath file " + syntheaClasspathFile
                            + "; write it with ./mvnw -f platform/demo-data/synthea/pom.xml dependency:build-classpath",
                    e);
        }
    }

    private static boolean matchesCache(Path target, Settings settings) {
        Path settingsFile = target.resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(settingsFile)) {
            return false;
        }
        Properties cached = new Properties();
        try (var reader = Files.newBufferedReader(settingsFile)) {
            cached.load(reader);
        } catch (IOException e) {
            return false;
        }
        boolean complete = SyntheaPopulation.FILES.stream()
                .allMatch(file -> Files.isRegularFile(target.resolve("csv").resolve(file)));
        if (complete && !cached.equals(settings.asProperties())) {
            LOG.info(() -> "The Synthea cache in " + target + " was made with other settings; generating anew");
        }
        return complete && cached.equals(settings.asProperties());
    }

    private static void writeSettings(Path directory, Settings settings) {
        try (var writer = Files.newBufferedWriter(directory.resolve(SETTINGS_FILE))) {
            settings.asProperties().store(writer, "Settings of the Synthea run that wrote csv/");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory.resolve(SETTINGS_FILE), e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " to " + to, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }
}
