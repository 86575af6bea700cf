package org.clinicbooking.demodata.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.clinicbooking.demodata.api.ApiProblem;
import org.clinicbooking.demodata.api.ApiResponse;
import org.clinicbooking.demodata.api.Session;

/**
 * Books an appointment for every encounter, as the import's staff user, then moves a past one
 * BOOKED to CONFIRMED to COMPLETED, records its payments and has its doctor issue its
 * prescriptions.
 *
 * <p>Bookings go one at a time in the order of the encounters' start, so that of two
 * overlapping encounters the earlier one always wins and a re-run rejects the same ones. The
 * steps after a booking run on the worker threads.
 *
 * <p>A re-run first lists each patient's appointments and continues an appointment that has
 * the encounter's doctor, service and start, instead of booking it again.
 */
final class EncounterImport {

    static final String APPOINTMENT_KIND = "appointment";
    static final String STATUS_KIND = "status change";
    static final String PAYMENT_KIND = "payment";
    static final String PRESCRIPTION_KIND = "prescription";

    private static final Logger LOG = Logger.getLogger(EncounterImport.class.getName());
    private static final int PROGRESS_INTERVAL = 250;
    private static final int MAX_REASON_LENGTH = 500;

    private final ImportContext context;
    private final ZoneId timeZone;
    private final Instant now;

    EncounterImport(ImportContext context, ZoneId timeZone, Instant now) {
        this.context = context;
        this.timeZone = timeZone;
        this.now = now;
    }

    void run(List<Visit> visits) {
        Map<UUID, Map<String, JsonNode>> existing = existingAppointments(visits);
        long startedAt = System.nanoTime();
        List<CompletableFuture<Void>> followUps = new ArrayList<>();
        int booked = 0;
        for (Visit visit : visits) {
            JsonNode found = existing.getOrDefault(visit.patientId(), Map.of()).get(visit.appointmentKey());
            if (found != null) {
                context.report().existing(APPOINTMENT_KIND);
                followUps.add(context.workers().submit(() -> followUp(visit, found, true)));
            } else {
                JsonNode appointment = book(visit);
                if (appointment != null) {
                    followUps.add(context.workers().submit(() -> followUp(visit, appointment, false)));
                }
            }
            booked++;
            if (booked % PROGRESS_INTERVAL == 0) {
                double seconds = (System.nanoTime() - startedAt) / 1e9;
                int done = booked;
                LOG.info(() -> String.format(
                        "Processed %d of %d encounters (%.1f per second)", done, visits.size(), done / seconds));
            }
        }
        Workers.await(followUps);
    }

    private Map<UUID, Map<String, JsonNode>> existingAppointments(List<Visit> visits) {
        Set<UUID> patients = visits.stream().map(Visit::patientId).collect(Collectors.toSet());
        Map<UUID, Map<String, JsonNode>> byPatient = new ConcurrentHashMap<>();
        context.workers().forEach(patients, patientId -> {
            Map<String, JsonNode> appointments = new HashMap<>();
            for (JsonNode appointment :
                    context.gateway().listAll("/api/appointments?patientId=" + patientId, context.staff())) {
                String key = Visit.appointmentKey(
                        UUID.fromString(appointment.path("doctorId").asText()),
                        UUID.fromString(appointment.path("serviceId").asText()),
                        Instant.parse(appointment.path("startAt").asText()));
                appointments.put(key, appointment);
            }
            byPatient.put(patientId, appointments);
        });
        return byPatient;
    }

    /** Books VISIT; returns the appointment, or null when the API rejected the booking. */
    private JsonNode book(Visit visit) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("patientId", visit.patientId());
        request.put("doctorId", visit.doctor().id());
        request.put("serviceId", visit.service().id());
        request.put(
                "startAt",
                OffsetDateTime.ofInstant(visit.startAt(), timeZone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        request.put("reason", reason(visit));
        ApiResponse response = context.gateway().post("/api/appointments", request, context.staff());
        if (response.successful()) {
            context.report().created(APPOINTMENT_KIND);
            return response.body();
        }
        context.report().rejected(APPOINTMENT_KIND, response.problem());
        skipDependents(visit, "the appointment was rejected");
        return null;
    }

    private void followUp(Visit visit, JsonNode appointment, boolean resumed) {
        Instant endAt = Instant.parse(appointment.path("endAt").asText());
        if (endAt.isAfter(now)) {
            skipDependents(visit, "the appointment is in the future");
            return;
        }
        String status = complete(appointment);
        if (!"COMPLETED".equals(status)) {
            skipDependents(visit, "the appointment is not COMPLETED");
            return;
        }
        pay(visit, appointment, resumed);
        prescribe(visit, appointment, resumed);
    }

    /** Moves a past appointment on to COMPLETED; returns the status it reached. */
    private String complete(JsonNode appointment) {
        String id = appointment.path("id").asText();
        String status = appointment.path("status").asText();
        while ("BOOKED".equals(status) || "CONFIRMED".equals(status)) {
            String next = "BOOKED".equals(status) ? "CONFIRMED" : "COMPLETED";
            ApiResponse response = context.gateway()
                    .put("/api/appointments/" + id + "/status", Map.of("status", next), context.staff());
            if (!response.successful()) {
                context.report().rejected(STATUS_KIND, response.problem());
                return status;
            }
            context.report().created(STATUS_KIND);
            status = response.body().path("status").asText(next);
        }
        return status;
    }

    /**
     * Records the payments of the plan. For an appointment that an earlier run imported, a part
     * already paid (same method, amount and reference) is counted as existing. Resending it is
     * no option: billing binds an idempotency key to the user who sent it, and every run has its
     * own staff user.
     */
    private void pay(Visit visit, JsonNode appointment, boolean resumed) {
        BigDecimal price = new BigDecimal(appointment.path("price").asText("0"));
        String currency = appointment.path("currency").asText(MedicalServiceImport.CURRENCY);
        String appointmentId = appointment.path("id").asText();
        List<PaymentPlan.Part> parts = PaymentPlan.of(visit.encounter(), price);
        if (parts.isEmpty()) {
            context.report().skipped(PAYMENT_KIND, "the appointment's price is zero");
        }
        Set<String> paid = resumed ? paidParts(appointmentId) : Set.of();
        for (PaymentPlan.Part part : parts) {
            if (paid.contains(paymentKey(part.method(), part.amount(), part.externalReference()))) {
                context.report().existing(PAYMENT_KIND);
                continue;
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("appointmentId", appointmentId);
            request.put("amount", part.amount().toPlainString());
            request.put("currency", currency);
            request.put("method", part.method());
            request.put("externalReference", part.externalReference());
            Map<String, String> headers = Map.of("Idempotency-Key", part.idempotencyKey());
            record(PAYMENT_KIND, context.gateway().send("POST", "/api/payments", request, context.staff(), headers));
        }
    }

    private Set<String> paidParts(String appointmentId) {
        Set<String> paid = new HashSet<>();
        for (JsonNode payment :
                context.gateway().listAll("/api/payments?appointmentId=" + appointmentId, context.staff())) {
            paid.add(paymentKey(
                    payment.path("method").asText(),
                    new BigDecimal(payment.path("amount").asText("0")),
                    payment.path("externalReference").asText()));
        }
        return paid;
    }

    private static String paymentKey(String method, BigDecimal amount, String externalReference) {
        return method + "|" + amount.stripTrailingZeros().toPlainString() + "|" + externalReference;
    }

    private void prescribe(Visit visit, JsonNode appointment, boolean resumed) {
        if (visit.medications().isEmpty()) {
            return;
        }
        UUID appointmentId = UUID.fromString(appointment.path("id").asText());
        if (resumed) {
            JsonNode issued = context.gateway()
                    .get("/api/prescriptions?appointmentId=" + appointmentId + "&size=1", context.staff())
                    .bodyOrThrow();
            if (issued.path("totalItems").asLong() > 0) {
                visit.medications().forEach(ignored -> context.report().existing(PRESCRIPTION_KIND));
                return;
            }
        }
        Session doctor = visit.doctor().session();
        if (doctor == null) {
            context.report()
                    .skipped(
                            PRESCRIPTION_KIND,
                            "the doctor was created by an earlier run, whose password is unknown",
                            visit.medications().size());
            return;
        }
        for (var medication : visit.medications()) {
            ApiResponse response = context.gateway()
                    .post("/api/prescriptions", PrescriptionDraft.request(appointmentId, medication), doctor);
            record(PRESCRIPTION_KIND, response);
        }
    }

    private void record(String kind, ApiResponse response) {
        if (response.successful()) {
            context.report().created(kind);
            return;
        }
        ApiProblem problem = response.problem();
        if (problem.isDuplicate()) {
            context.report().existing(kind);
        } else {
            context.report().rejected(kind, problem);
        }
    }

    /** Counts the prescriptions (one per medication) and payments (one per appointment) not recorded. */
    private void skipDependents(Visit visit, String reason) {
        context.report().skipped(PRESCRIPTION_KIND, reason, visit.medications().size());
        context.report().skipped(PAYMENT_KIND, reason + " (counted per appointment)");
    }

    private static String reason(Visit visit) {
        String reason = visit.encounter().reasonDescription().isEmpty()
                ? MedicalServiceImport.withoutSemanticTag(visit.encounter().description())
                : visit.encounter().reasonDescription();
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }
}
