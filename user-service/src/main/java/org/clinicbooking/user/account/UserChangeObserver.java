package org.clinicbooking.user.account;

import io.smallrye.mutiny.Uni;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;

/**
 * A part of this service whose data depends on a user. UserService calls it inside the
 * transaction that changes the user. The doctor profile implements it: a doctor's name, email and
 * active flag come from their user.
 */
public interface UserChangeObserver {

    /** Fails with a problem when the user's role may not change to {@code newRole}. */
    Uni<Void> checkRoleChange(User user, Role newRole);

    /**
     * Records what follows from a change that was just flushed, such as its own events.
     *
     * @param before the user as it was before the change
     */
    Uni<Void> userChanged(UserResponse before, User user, Actor actor);
}
