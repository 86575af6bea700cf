package org.clinicbooking.billing.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** An appointment as scheduling-service publishes it, with fresh ids, for seeding the read model. */
public record TestAppointment(
        UUID id,
        UUID patientId,
        UUID doctorId,
        UUID clinicId,
        UUID serviceId,
        Instant startAt,
        String status,
        String price,
        String currency,
        long version) {

    public static TestAppointment booked(String price, String currency) {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return new TestAppointment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                start,
                "BOOKED",
                price,
                currency,
                0);
    }

    public static TestAppointment booked(String price) {
        return booked(price, "KES");
    }

    public TestAppointment forPatient(UUID patient) {
        return new TestAppointment(
                id, patient, doctorId, clinicId, serviceId, startAt, status, price, currency, version);
    }

    public TestAppointment withDoctor(UUID doctor) {
        return new TestAppointment(
                id, patientId, doctor, clinicId, serviceId, startAt, status, price, currency, version);
    }

    /** The next version of this appointment in the given status. */
    public TestAppointment next(String newStatus) {
        return new TestAppointment(
                id, patientId, doctorId, clinicId, serviceId, startAt, newStatus, price, currency, version + 1);
    }

    /** Builds the {@code AppointmentResponse} JSON of the contracts, including fields billing ignores. */
    public Map<String, Object> toResponse() {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id.toString());
        body.put("patientId", patientId.toString());
        body.put("doctorId", doctorId.toString());
        body.put("clinicId", clinicId.toString());
        body.put("serviceId", serviceId.toString());
        body.put("startAt", startAt.toString());
        body.put("endAt", startAt.plus(30, ChronoUnit.MINUTES).toString());
        body.put("status", status);
        body.put("reason", "Annual check-up");
        body.put("cancellationReason", "CANCELLED".equals(status) ? "Feeling better" : null);
        body.put("price", price);
        body.put("currency", currency);
        body.put("version", version);
        body.put("createdAt", startAt.minus(5, ChronoUnit.DAYS).toString());
        body.put("updatedAt", Instant.now().toString());
        return body;
    }
}
