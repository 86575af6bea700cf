package org.clinicbooking.kit.security;

import java.util.UUID;

/**
 * Who made a change: a signed-in user, or a service acting on an event. Events and audit
 * entries carry it; {@code userId} is null for a service.
 *
 * @param userId the user's id, from the token's {@code sub}
 * @param role the user's role, or {@code SYSTEM} for a service
 */
public record Actor(UUID userId, String role) {

    public static final String SYSTEM = "SYSTEM";

    public static Actor user(UUID userId, Role role) {
        return new Actor(userId, role.name());
    }

    public static Actor system() {
        return new Actor(null, SYSTEM);
    }

    public boolean is(Role candidate) {
        return candidate.name().equals(role);
    }

    public boolean isClinicStaff() {
        return is(Role.STAFF) || is(Role.ADMIN);
    }

    /** Whether this actor is the given user. */
    public boolean isUser(UUID id) {
        return userId != null && userId.equals(id);
    }
}
