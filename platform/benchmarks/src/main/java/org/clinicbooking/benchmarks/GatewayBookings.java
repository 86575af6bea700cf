package org.clinicbooking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Bookings through the gateway with {@code POST /api/appointments} as the admin, who may book at
 * any hour. Keeps the ids of the appointments created, for the event-lag query, and counts each
 * 409 by its problem type.
 */
final class GatewayBookings {

    private final Gateway gateway;
    private final Fixture fixture;
    private final Queue<UUID> booked = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> conflictTypes = new ConcurrentHashMap<>();

    GatewayBookings(Gateway gateway, Fixture fixture) {
        this.gateway = gateway;
        this.fixture = fixture;
    }

    /**
     * Client {@code c} books doctor {@code doctorOf(c)} for patient {@code c}, one slot after
     * another from {@code firstSlot}: slot {@code n} starts {@code n} service durations later.
     */
    ClosedLoop.Attempt consecutiveSlots(Instant firstSlot, IntFunction<UUID> doctorOf) {
        Duration step = Duration.ofMinutes(fixture.durationMinutes());
        return (client, sequence) -> book(
                doctorOf.apply(client), fixture.patients().get(client), firstSlot.plus(step.multipliedBy(sequence)));
    }

    ClosedLoop.Outcome book(UUID doctorId, UUID patientId, Instant start) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("patientId", patientId);
        request.put("doctorId", doctorId);
        request.put("serviceId", fixture.serviceId());
        request.put("startAt", start.toString());
        Gateway.Reply reply = gateway.post("/api/appointments", request);
        if (reply.status() == 201) {
            booked.add(UUID.fromString(reply.body().path("id").asText()));
            return ClosedLoop.Outcome.BOOKED;
        }
        if (reply.status() == 409) {
            conflictTypes
                    .computeIfAbsent(problemSlug(reply.body()), type -> new LongAdder())
                    .increment();
            return ClosedLoop.Outcome.CONFLICT;
        }
        throw new IllegalStateException("Booking failed with HTTP " + reply.status() + ": " + reply.body());
    }

    /** Ids of every appointment booked so far. */
    List<UUID> bookedIds() {
        return List.copyOf(booked);
    }

    /** Returns the 409 responses so far by problem type (for example {@code booking-conflict=12}). */
    Map<String, Long> conflictCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        conflictTypes.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    void resetConflictCounts() {
        conflictTypes.clear();
    }

    private static String problemSlug(JsonNode problem) {
        String type = problem.path("type").asText("unknown");
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
