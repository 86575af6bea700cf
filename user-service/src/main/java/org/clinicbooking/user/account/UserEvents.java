package org.clinicbooking.user.account;

import org.clinicbooking.kit.outbox.DomainEvent;
import org.clinicbooking.kit.security.Actor;

/** The events of the user aggregate. Their data is the user's public view, without the password hash. */
final class UserEvents {

    static final String REGISTERED = "clinic.user.registered";
    static final String UPDATED = "clinic.user.updated";
    static final String DEACTIVATED = "clinic.user.deactivated";

    private UserEvents() {}

    static DomainEvent of(String type, User user, Actor actor) {
        return new DomainEvent(type, "user", user.id().toString(), UserResponse.of(user), actor);
    }
}
