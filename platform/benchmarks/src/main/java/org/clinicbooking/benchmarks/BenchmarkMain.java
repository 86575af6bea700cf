package org.clinicbooking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;

/**
 * Measures the local stack (deploy/local) and prints one Markdown table. The table has booking
 * throughput and latency through the gateway and straight to the database, and a contention run
 * with its double-booking check. It also has the event lag to the audit log, the availability
 * latency for a doctor with 10,000 appointments, each service's start-up time and memory, and
 * the demo import rate. The harness creates its own clinic, service, doctors and patients, which
 * stay in the services' schemas.
 */
public final class BenchmarkMain {

    private static final Logger LOG = Logger.getLogger(BenchmarkMain.class.getName());

    private static final int[] LEVELS = {1, 16, 64};
    private static final int MAX_CLIENTS = 64;
    private static final int CONTENTION_DOCTORS = 4;
    private static final int SEEDED_APPOINTMENTS = 10_000;
    private static final int AVAILABILITY_WARM_UP = 20;
    private static final int AVAILABILITY_REQUESTS = 200;
    private static final int PACED_BOOKINGS = 60;
    private static final Duration PACED_INTERVAL = Duration.ofMillis(200);
    private static final Duration SETTLE_QUIET = Duration.ofSeconds(60);

    /** Each phase books its own range of dates, far from the demo data, so phases never overlap. */
    private static final Instant WARM_UP_SLOTS = Instant.parse("2031-01-01T00:00:00Z");

    private static final Instant LEVEL_SLOTS = Instant.parse("2032-01-01T00:00:00Z");
    private static final Duration LEVEL_SPACING = Duration.ofDays(200);
    private static final Instant CONTENTION_SLOTS = Instant.parse("2034-01-01T00:00:00Z");
    private static final Instant PACED_SLOTS = Instant.parse("2035-01-01T00:00:00Z");

    private final BenchmarkOptions options;
    private final Gateway gateway;
    private final StackDatabase database;
    private final Footprint footprint;
    private final CpuMeter cpu;
    private final Map<String, String> cpuUse = new LinkedHashMap<>();
    private final ResultTable table = new ResultTable();
    private long directRetries;

    private BenchmarkMain(BenchmarkOptions options) {
        this.options = options;
        this.gateway = new Gateway(options.gateway(), new ObjectMapper());
        this.database = new StackDatabase(options.databaseUrl());
        this.footprint = new Footprint(options.repositoryRoot().resolve("deploy/local/.run"));
        this.cpu = new CpuMeter(options.repositoryRoot().resolve("deploy/local/.run"));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT [benchmarks] %4$s %5$s%6$s%n");
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new BenchmarkMain(options).run();
    }

    private void run() throws Exception {
        Map<String, OptionalLong> idleMemory = footprint.residentMebibytes();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        gateway.login(options.adminEmail(), options.adminPassword());
        // Doctors 0-63 serve the load levels, 64-67 the contention run, 68 the availability query.
        Fixture fixture = Fixture.create(gateway, runId, MAX_CLIENTS + CONTENTION_DOCTORS + 1, MAX_CLIENTS);
        List<UUID> doctors = fixture.doctors();
        List<UUID> contentionDoctors = doctors.subList(MAX_CLIENTS, MAX_CLIENTS + CONTENTION_DOCTORS);
        UUID availabilityDoctor = doctors.get(MAX_CLIENTS + CONTENTION_DOCTORS);
        GatewayBookings bookings = new GatewayBookings(gateway, fixture);

        warmUp(bookings, fixture);
        int firstMeasuredBooking = bookings.bookedIds().size();

        List<ClosedLoop.Result> viaGateway = new ArrayList<>();
        for (int i = 0; i < LEVELS.length; i++) {
            settle(bookings);
            gateway.login(options.adminEmail(), options.adminPassword());
            Instant firstSlot = LEVEL_SLOTS.plus(LEVEL_SPACING.multipliedBy(i));
            CpuMeter.Snapshot cpuBefore = cpu.snapshot();
            ClosedLoop.Result result = ClosedLoop.run(
                    LEVELS[i], options.levelDuration(), bookings.consecutiveSlots(firstSlot, doctors::get));
            cpuUse.put(
                    "CPU, booking via gateway, " + clients(LEVELS[i]), CpuMeter.usageSince(cpuBefore, cpu.snapshot()));
            logResult("Gateway booking", result);
            viaGateway.add(result);
        }

        settle(bookings);
        gateway.login(options.adminEmail(), options.adminPassword());
        bookings.resetConflictCounts();
        ClosedLoop.Result contention = ClosedLoop.run(
                MAX_CLIENTS,
                options.levelDuration(),
                bookings.consecutiveSlots(
                        CONTENTION_SLOTS, client -> contentionDoctors.get(client % CONTENTION_DOCTORS)));
        logResult("Contention", contention);
        Map<String, Long> conflictTypes = bookings.conflictCounts();
        long contentionDoubles = database.doubleBookings(contentionDoctors);
        long allDoubles = database.doubleBookings(doctors);
        List<UUID> measuredBookings = bookings.bookedIds()
                .subList(firstMeasuredBooking, bookings.bookedIds().size());

        List<ClosedLoop.Result> direct = runDirect();

        Histogram availability = measureAvailability(fixture, availabilityDoctor);

        LOG.info("Waiting for the audit log to record " + measuredBookings.size() + " booked events");
        StackDatabase.EventLags lags = database.eventLags(measuredBookings, Duration.ofSeconds(30));

        int firstPacedBooking = bookings.bookedIds().size();
        bookPaced(bookings, doctors.get(0), fixture.patients().get(0));
        List<UUID> pacedBookings = bookings.bookedIds()
                .subList(firstPacedBooking, bookings.bookedIds().size());
        StackDatabase.EventLags pacedLags = database.eventLags(pacedBookings, Duration.ofSeconds(30));

        Map<String, OptionalLong> loadedMemory = footprint.residentMebibytes();

        for (int i = 0; i < LEVELS.length; i++) {
            table.addLoad(
                    "Booking via gateway, " + clients(LEVELS[i]),
                    viaGateway.get(i),
                    ResultTable.format(
                            "%.2f of the direct-database limit",
                            viaGateway.get(i).bookingsPerSecond()
                                    / direct.get(i).bookingsPerSecond()));
        }
        for (int i = 0; i < LEVELS.length; i++) {
            table.addLoad("Booking transaction by JDBC (limit), " + clients(LEVELS[i]), direct.get(i), "");
        }
        table.add(
                "Deadlock retries, JDBC runs",
                Long.toString(directRetries),
                "-",
                "transactions run again after InnoDB error 1213 or 1205, at most twice each, as scheduling-service does");
        table.add(
                "Service / limit",
                ResultTable.format(
                        "%.2f at 64 clients",
                        viaGateway.get(2).bookingsPerSecond() / direct.get(2).bookingsPerSecond()),
                "-",
                ResultTable.format(
                        "%.2f at 1 client, %.2f at 16 clients",
                        viaGateway.get(0).bookingsPerSecond() / direct.get(0).bookingsPerSecond(),
                        viaGateway.get(1).bookingsPerSecond() / direct.get(1).bookingsPerSecond()));
        table.addLoad(
                "Contention: 64 clients on 4 doctors, same slots",
                contention,
                ResultTable.format(
                        "409 by type %s; double bookings: %d among the 4 doctors, %d among all %d harness doctors",
                        conflictTypes, contentionDoubles, allDoubles, doctors.size()));
        table.add(
                "Event lag, booking commit to audit entry",
                ResultTable.format("%d of %d events recorded", lags.found(), lags.expected()),
                ResultTable.format(
                        "p50 %.1f, p99 %.1f ms",
                        lags.micros().getValueAtPercentile(50) / 1000.0,
                        lags.micros().getValueAtPercentile(99) / 1000.0),
                "recorded_at - occurred_at of clinic.appointment.booked, for the measured gateway and contention"
                        + " bookings, sent at up to 64 clients");
        table.add(
                "Event lag, 5 bookings/s on a quiet stack",
                ResultTable.format("%d of %d events recorded", pacedLags.found(), pacedLags.expected()),
                ResultTable.format(
                        "p50 %.1f, p99 %.1f ms",
                        pacedLags.micros().getValueAtPercentile(50) / 1000.0,
                        pacedLags.micros().getValueAtPercentile(99) / 1000.0),
                "one client, one booking every 200 ms after the load is over; p99 of " + PACED_BOOKINGS
                        + " samples is close to the maximum");
        table.add(
                "Availability, 7 days, doctor with 10,000 appointments",
                ResultTable.format("%d requests, 1 client", availability.getTotalCount()),
                ResultTable.format(
                        "p50 %.1f, p99 %.1f ms",
                        availability.getValueAtPercentile(50) / 1000.0, availability.getValueAtPercentile(99) / 1000.0),
                ResultTable.format(
                        "%d active appointments, seeded by JDBC", database.activeAppointments(availabilityDoctor)));
        cpuUse.forEach((measure, use) -> table.add(measure, use, "-", "percent of one core; 2 cores are 200 %"));
        addFootprint(idleMemory, loadedMemory);
        addImportRate();
        addDatabaseSize();

        System.out.println();
        table.print(System.out);
    }

    /**
     * Books once for every doctor, so that scheduling-service has each doctor, the service and
     * each patient in its read model, then runs 16 clients for {@code --warm-up-seconds} to warm up
     * the JIT compilers. Nothing here is measured.
     */
    private void warmUp(GatewayBookings bookings, Fixture fixture) throws Exception {
        LOG.info("Warming up: one booking per doctor, then 16 clients for "
                + options.warmUpDuration().toSeconds() + " s");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ClosedLoop.Outcome>> firstBookings = new ArrayList<>();
            for (int i = 0; i < fixture.doctors().size(); i++) {
                UUID doctor = fixture.doctors().get(i);
                UUID patient = fixture.patients().get(i % MAX_CLIENTS);
                Instant start = WARM_UP_SLOTS.plus(Duration.ofDays(i / MAX_CLIENTS));
                firstBookings.add(pool.submit(() -> bookings.book(doctor, patient, start)));
            }
            for (Future<ClosedLoop.Outcome> booking : firstBookings) {
                if (booking.get() != ClosedLoop.Outcome.BOOKED) {
                    throw new IllegalStateException("A warm-up booking was rejected with 409; is the schema clean?");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        ClosedLoop.Result warmUp = ClosedLoop.run(
                16,
                options.warmUpDuration(),
                bookings.consecutiveSlots(WARM_UP_SLOTS.plus(Duration.ofDays(30)), fixture.doctors()::get));
        logResult("Warm-up", warmUp);
    }

    /**
     * Waits until audit-, billing- and clinical-service have applied every booking so far, so
     * that each level starts on a quiet stack instead of sharing the cores with the event backlog
     * of the level before.
     */
    private void settle(GatewayBookings bookings) throws Exception {
        List<UUID> booked = List.copyOf(bookings.bookedIds());
        long applied = database.awaitConsumers(booked, SETTLE_QUIET);
        if (applied < booked.size()) {
            LOG.warning("Only " + applied + " of " + booked.size() + " booked events reached every consumer");
        }
    }

    /**
     * Adds the size of the services' data beside the InnoDB buffer pool: once the data outgrows the
     * pool, every run reads more pages from disk than the one before it.
     */
    private void addDatabaseSize() throws SQLException {
        StackDatabase.Size size = database.size();
        table.add(
                "Database size after the run",
                ResultTable.format("%d MiB", size.dataMebibytes()),
                "-",
                ResultTable.format(
                        "data and indexes of the five services' schemas; InnoDB buffer pool %d MiB",
                        size.bufferPoolMebibytes()));
    }

    /**
     * Books {@value #PACED_BOOKINGS} consecutive slots for one doctor and patient, one every
     * 200 ms, so that the event lag is measured without a backlog.
     */
    private void bookPaced(GatewayBookings bookings, UUID doctor, UUID patient) throws InterruptedException {
        gateway.login(options.adminEmail(), options.adminPassword());
        Duration step = Duration.ofMinutes(Fixture.DURATION_MINUTES);
        for (int i = 0; i < PACED_BOOKINGS; i++) {
            long started = System.nanoTime();
            bookings.book(doctor, patient, PACED_SLOTS.plus(step.multipliedBy(i)));
            long pause = PACED_INTERVAL.toNanos() - (System.nanoTime() - started);
            if (pause > 0) {
                Thread.sleep(pause / 1_000_000);
            }
        }
    }

    private List<ClosedLoop.Result> runDirect() throws Exception {
        List<ClosedLoop.Result> results = new ArrayList<>();
        try (DirectBookings direct = new DirectBookings(options.databaseUrl())) {
            direct.createSchema(options.repositoryRoot(), MAX_CLIENTS);
            direct.connect(MAX_CLIENTS);
            ClosedLoop.run(16, Duration.ofSeconds(3), direct.consecutiveSlots(WARM_UP_SLOTS));
            for (int i = 0; i < LEVELS.length; i++) {
                Instant firstSlot = LEVEL_SLOTS.plus(LEVEL_SPACING.multipliedBy(i));
                CpuMeter.Snapshot cpuBefore = cpu.snapshot();
                ClosedLoop.Result result =
                        ClosedLoop.run(LEVELS[i], options.levelDuration(), direct.consecutiveSlots(firstSlot));
                cpuUse.put(
                        "CPU, booking transaction by JDBC, " + clients(LEVELS[i]),
                        CpuMeter.usageSince(cpuBefore, cpu.snapshot()));
                logResult("Direct JDBC booking", result);
                results.add(result);
            }
            directRetries = direct.retriedLockConflicts();
            LOG.info(DirectBookings.SCHEMA + " holds " + direct.bookedCount() + " appointments before it is dropped");
        }
        return results;
    }

    /**
     * Gives the doctor working hours from 08:00 to 18:00 every day, seeds 10,000 appointments
     * around today, and times {@code GET /api/doctors/{id}/availability} for the next 7 days.
     */
    private Histogram measureAvailability(Fixture fixture, UUID doctor) throws Exception {
        gateway.login(options.adminEmail(), options.adminPassword());
        List<Map<String, String>> intervals = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            intervals.add(Map.of("dayOfWeek", day, "start", "08:00", "end", "18:00"));
        }
        gateway.put("/api/doctors/" + doctor + "/working-hours", Map.of("intervals", intervals))
                .require(200, "Setting the working hours of doctor " + doctor);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // 10,000 appointments at 30 a day cover 334 days; start half of them before today.
        Instant firstDay = today.minusDays(167).atStartOfDay(ZoneOffset.UTC).toInstant();
        LOG.info("Seeding " + SEEDED_APPOINTMENTS + " appointments of doctor " + doctor + " by JDBC");
        database.seedAppointments(fixture, doctor, firstDay, SEEDED_APPOINTMENTS);

        String path = "/api/doctors/" + doctor + "/availability?from=" + today.plusDays(1) + "&to=" + today.plusDays(7)
                + "&serviceId=" + fixture.serviceId();
        Histogram micros = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
        JsonNode last = null;
        for (int i = 0; i < AVAILABILITY_WARM_UP + AVAILABILITY_REQUESTS; i++) {
            long started = System.nanoTime();
            last = gateway.get(path).require(200, "Reading the availability of doctor " + doctor);
            long elapsed = (System.nanoTime() - started) / 1000;
            if (i >= AVAILABILITY_WARM_UP) {
                micros.recordValue(Math.min(elapsed, micros.getHighestTrackableValue()));
            }
        }
        LOG.info("Availability returned " + last.path("slots").size() + " free slots for 7 days");
        return micros;
    }

    private void addFootprint(Map<String, OptionalLong> idle, Map<String, OptionalLong> loaded) throws Exception {
        Map<String, OptionalDouble> startup = footprint.startupSeconds();
        for (String service : Footprint.SERVICES) {
            OptionalDouble seconds = startup.get(service);
            table.add(
                    service + " start-up and resident memory",
                    seconds.isPresent()
                            ? ResultTable.format("started in %.3f s", seconds.getAsDouble())
                            : "no log line",
                    "-",
                    "VmRSS idle " + mebibytes(idle.get(service)) + ", after the load "
                            + mebibytes(loaded.get(service)));
        }
    }

    private void addImportRate() throws Exception {
        Path summary = options.repositoryRoot().resolve("deploy/local/.run/import-summary.json");
        if (!Files.isReadable(summary)) {
            table.add("Synthea import rate", "not run", "-", "no deploy/local/.run/import-summary.json");
            return;
        }
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        JsonNode timing = json.path("timing");
        table.add(
                "Synthea import rate",
                ResultTable.format(
                        "%.2f encounters/s", timing.path("encountersPerSecond").asDouble()),
                "-",
                ResultTable.format(
                        "%d encounters in %.1f s at parallelism %d, started %s%s",
                        timing.path("encounters").asLong(),
                        timing.path("encounterSeconds").asDouble(),
                        timing.path("parallelism").asInt(),
                        json.path("startedAt").asText(),
                        json.path("completed").asBoolean() ? "" : ", stopped early"));
    }

    private static String mebibytes(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() + " MiB" : "not running";
    }

    private static String clients(int count) {
        return count == 1 ? "1 client" : count + " clients";
    }

    private static void logResult(String phase, ClosedLoop.Result result) {
        LOG.info(ResultTable.format(
                "%s at %d clients: %.1f bookings/s, %d conflicts, %d failed, p99 %.1f ms",
                phase,
                result.clients(),
                result.bookingsPerSecond(),
                result.conflicts(),
                result.failed(),
                result.percentileMillis(99)));
        for (String failure : result.failures()) {
            LOG.warning(phase + " failure (first few kept): " + failure);
        }
    }
}
