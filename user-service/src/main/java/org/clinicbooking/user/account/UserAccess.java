package org.clinicbooking.user.account;

import java.util.UUID;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;

/**
 * Who may read and change which user. Patients and doctors act on themselves only; staff read
 * everyone and manage patients; admins manage everyone. Nobody changes their own role.
 */
final class UserAccess {

    private UserAccess() {}

    /** Checked before the user is loaded, so a refusal does not tell whether the id exists. */
    static void checkMayReadOrEdit(Actor actor, UUID userId) {
        if (!actor.isUser(userId) && !actor.isClinicStaff()) {
            throw ProblemException.forbidden("You may read and change only your own user.");
        }
    }

    static void checkMayEdit(Actor actor, User target) {
        if (actor.isUser(target.id()) || actor.is(Role.ADMIN)) {
            return;
        }
        if (actor.is(Role.STAFF) && target.role() == Role.PATIENT) {
            return;
        }
        throw ProblemException.forbidden("Staff may change patients only; an admin changes other users.");
    }

    /** A role in the request that equals the current one is no change and passes. */
    static void checkMayChangeRole(Actor actor, User target, Role requested) {
        if (requested == null || requested == target.role()) {
            return;
        }
        if (actor.isUser(target.id())) {
            throw ProblemException.forbidden("Nobody can change their own role.");
        }
        if (!actor.is(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin can change a user's role.");
        }
    }

    static void checkMayChangeEmail(Actor actor, User target, String requested) {
        if (requested == null || !target.emailDiffers(requested)) {
            return;
        }
        if (!actor.is(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin can change a user's email.");
        }
    }

    static void checkMayDeactivate(Actor actor, User target) {
        if (actor.isUser(target.id())) {
            throw ProblemException.forbidden("You cannot deactivate your own account; ask another admin.");
        }
        if (actor.is(Role.ADMIN)) {
            return;
        }
        if (actor.is(Role.STAFF) && target.role() == Role.PATIENT) {
            return;
        }
        throw ProblemException.forbidden("Staff may deactivate patients only; an admin deactivates other users.");
    }

    /** The role of a new account: patients by anyone, including anonymous callers; other roles by an admin. */
    static Role roleForRegistration(Role requested, Actor caller) {
        Role role = requested == null ? Role.PATIENT : requested;
        if (role == Role.PATIENT || (caller != null && caller.is(Role.ADMIN))) {
            return role;
        }
        throw ProblemException.forbidden("Only an admin can create a user with the role " + role + ".");
    }
}
