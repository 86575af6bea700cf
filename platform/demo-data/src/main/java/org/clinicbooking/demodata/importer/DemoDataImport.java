package org.clinicbooking.demodata.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.clinicbooking.demodata.api.GatewayClient;
import org.clinicbooking.demodata.api.Session;
import org.clinicbooking.demodata.synthea.SyntheaEncounter;
import org.clinicbooking.demodata.synthea.SyntheaMedication;
import org.clinicbooking.demodata.synthea.SyntheaPatient;
import org.clinicbooking.demodata.synthea.SyntheaPopulation;
import org.clinicbooking.demodata.synthea.SyntheaProvider;

/**
 * Imports a Synthea population through the public API, in the order the records depend on
 * each other: clinics, medical services, doctors and their services, patients, then the
 * encounters as appointments with their payments and prescriptions.
 */
public final class DemoDataImport {

    private static final Logger LOG = Logger.getLogger(DemoDataImport.class.getName());
    private static final String APPOINTMENT = EncounterImport.APPOINTMENT_KIND;
    private static final String PRESCRIPTION = EncounterImport.PRESCRIPTION_KIND;

    private final GatewayClient gateway;
    private final Session admin;
    private final ZoneId timeZone;
    private final int parallelism;
    private final Clock clock;

    public DemoDataImport(GatewayClient gateway, Session admin, ZoneId timeZone, int parallelism, Clock clock) {
        this.gateway = gateway;
        this.admin = admin;
        this.timeZone = timeZone;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /**
     * Imports POPULATION and records the outcome in RUN; WINDOW_START, when not null, leaves out
     * encounters that start before it.
     */
    public void run(SyntheaPopulation population, Instant windowStart, ImportRun run) {
        ImportReport report = run.report();
        Set<String> living = population.patients().stream()
                .filter(SyntheaPatient::living)
                .map(SyntheaPatient::id)
                .collect(Collectors.toSet());
        List<SyntheaEncounter> ofLiving = population.encounters().stream()
                .filter(encounter -> living.contains(encounter.patientId()))
                .toList();
        List<SyntheaEncounter> inWindow = ofLiving.stream()
                .filter(encounter -> windowStart == null || !encounter.start().isBefore(windowStart))
                .sorted(Comparator.comparing(SyntheaEncounter::start).thenComparing(SyntheaEncounter::id))
                .toList();
        Map<String, List<SyntheaMedication>> medications = medicationsByEncounter(population.medications());
        countLeftOut(report, population, living, windowStart, medications);
        run.source(sourceCounts(population, living, ofLiving, inWindow, medications));

        admin.userId(); // Fails early, with the API's problem, when the admin login is wrong.
        try (Workers workers = new Workers(parallelism)) {
            Session staff = createStaffUser(report);
            run.staffEmail(staff.email());
            ImportContext context = new ImportContext(gateway, admin, staff, report, workers);

            LOG.info("Importing " + population.organizations().size() + " organizations as clinics");
            Map<String, UUID> clinics = new ClinicImport(context).run(population.organizations(), timeZone);
            LOG.info("Importing the medical services of " + inWindow.size() + " encounters");
            Map<String, ImportedService> services = new MedicalServiceImport(context).run(inWindow);
            List<SyntheaProvider> providers = providersToImport(population.providers(), inWindow, windowStart, report);
            LOG.info("Importing " + providers.size() + " providers as doctors");
            DoctorImport doctorImport = new DoctorImport(context);
            Map<String, ImportedDoctor> doctors = doctorImport.run(providers, clinics);
            LOG.info("Importing " + living.size() + " living patients");
            List<SyntheaPatient> livingPatients = population.patients().stream()
                    .filter(SyntheaPatient::living)
                    .toList();
            Map<String, UUID> patients = new PatientImport(context).run(livingPatients);

            List<Visit> visits = visits(inWindow, patients, doctors, services, medications, report);
            LOG.info("Linking doctors to the services they perform");
            doctorImport.link(servicesByDoctor(visits));

            LOG.info("Importing " + visits.size() + " encounters as appointments");
            long startedAt = System.nanoTime();
            try {
                new EncounterImport(context, timeZone, clock.instant()).run(visits);
            } finally {
                run.encounters(visits.size(), Duration.ofNanos(System.nanoTime() - startedAt));
            }
        }
    }

    private static ImportRun.SourceCounts sourceCounts(
            SyntheaPopulation population,
            Set<String> living,
            List<SyntheaEncounter> ofLiving,
            List<SyntheaEncounter> inWindow,
            Map<String, List<SyntheaMedication>> medications) {
        int medicationsInWindow = 0;
        for (SyntheaEncounter encounter : inWindow) {
            medicationsInWindow +=
                    medications.getOrDefault(encounter.id(), List.of()).size();
        }
        return new ImportRun.SourceCounts(
                population.organizations().size(),
                population.providers().size(),
                population.patients().size(),
                living.size(),
                population.encounters().size(),
                ofLiving.size(),
                inWindow.size(),
                medicationsInWindow);
    }

    /**
     * Creates this run's STAFF user, which books, confirms, completes and records payments.
     * Passwords live only as long as a run, so every run creates its own staff user, named
     * after the time it started.
     */
    private Session createStaffUser(ImportReport report) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(timeZone)
                .format(clock.instant());
        String email = "import-staff-" + stamp + "@" + DemoIdentities.EMAIL_DOMAIN;
        String password = DemoIdentities.randomPassword();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("email", email);
        request.put("password", password);
        request.put("fullName", "Demo data import " + stamp);
        request.put("role", "STAFF");
        gateway.post("/api/users", request, admin).bodyOrThrow();
        report.created("staff user");
        return new Session(gateway, email, password);
    }

    private List<Visit> visits(
            List<SyntheaEncounter> encounters,
            Map<String, UUID> patients,
            Map<String, ImportedDoctor> doctors,
            Map<String, ImportedService> services,
            Map<String, List<SyntheaMedication>> medications,
            ImportReport report) {
        List<Visit> visits = new ArrayList<>();
        for (SyntheaEncounter encounter : encounters) {
            List<SyntheaMedication> ordered = medications.getOrDefault(encounter.id(), List.of());
            UUID patientId = patients.get(encounter.patientId());
            ImportedDoctor doctor = doctors.get(encounter.providerId());
            ImportedService service = services.get(encounter.code());
            String missing = patientId == null
                    ? "the patient was not imported"
                    : doctor == null
                            ? "the doctor was not imported"
                            : service == null ? "the medical service was not imported" : null;
            if (missing != null) {
                report.skipped(APPOINTMENT, missing);
                report.skipped(PRESCRIPTION, missing, ordered.size());
                continue;
            }
            visits.add(new Visit(encounter, patientId, doctor, service, ordered));
        }
        return visits;
    }

    /**
     * Returns every provider, or with a window only those who performed an encounter in it:
     * registering a doctor hashes a password, which makes doctors the slowest records to create.
     */
    private static List<SyntheaProvider> providersToImport(
            List<SyntheaProvider> providers,
            List<SyntheaEncounter> inWindow,
            Instant windowStart,
            ImportReport report) {
        if (windowStart == null) {
            return providers;
        }
        Set<String> active = inWindow.stream().map(SyntheaEncounter::providerId).collect(Collectors.toSet());
        List<SyntheaProvider> selected = providers.stream()
                .filter(provider -> active.contains(provider.id()))
                .toList();
        report.skipped(
                DoctorImport.USER_KIND,
                "no encounter in the import window (--years)",
                providers.size() - selected.size());
        return selected;
    }

    private static Map<UUID, Set<UUID>> servicesByDoctor(List<Visit> visits) {
        Map<UUID, Set<UUID>> links = new ConcurrentHashMap<>();
        for (Visit visit : visits) {
            links.computeIfAbsent(visit.doctor().id(), ignored -> new HashSet<>())
                    .add(visit.service().id());
        }
        return links;
    }

    private static Map<String, List<SyntheaMedication>> medicationsByEncounter(List<SyntheaMedication> medications) {
        return medications.stream().collect(Collectors.groupingBy(SyntheaMedication::encounterId));
    }

    private static void countLeftOut(
            ImportReport report,
            SyntheaPopulation population,
            Set<String> living,
            Instant windowStart,
            Map<String, List<SyntheaMedication>> medications) {
        for (SyntheaEncounter encounter : population.encounters()) {
            String reason = !living.contains(encounter.patientId())
                    ? "the patient is deceased"
                    : windowStart != null && encounter.start().isBefore(windowStart)
                            ? "it started before the import window (--years)"
                            : null;
            if (reason != null) {
                report.skipped(APPOINTMENT, reason);
                report.skipped(
                        PRESCRIPTION,
                        reason,
                        medications.getOrDefault(encounter.id(), List.of()).size());
            }
        }
        population.patients().stream()
                .filter(patient -> !patient.living())
                .forEach(patient -> report.skipped("patient", "the patient is deceased"));
    }
}
