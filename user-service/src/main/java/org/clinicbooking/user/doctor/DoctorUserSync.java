package org.clinicbooking.user.doctor;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.user.account.User;
import org.clinicbooking.user.account.UserChangeObserver;
import org.clinicbooking.user.account.UserResponse;

/**
 * Keeps doctor profiles consistent with their users. A doctor's name, email and active flag
 * live on the user, so a change to them publishes {@code clinic.doctor.updated} as well, and
 * readers of doctor events (scheduling) learn that a deactivated doctor takes no bookings.
 */
@ApplicationScoped
public class DoctorUserSync implements UserChangeObserver {

    private final DoctorRepository doctors;
    private final Outbox outbox;

    public DoctorUserSync(DoctorRepository doctors, Outbox outbox) {
        this.doctors = doctors;
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> checkRoleChange(User user, Role newRole) {
        if (newRole == Role.DOCTOR) {
            return Uni.createFrom().voidItem();
        }
        return doctors.findById(user.id())
                .invoke(doctor -> {
                    if (doctor != null) {
                        throw new ProblemException(
                                ProblemType.CONFLICT,
                                "User " + user.id() + " has a doctor profile, so their role must stay DOCTOR.");
                    }
                })
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> userChanged(UserResponse before, User user, Actor actor) {
        boolean doctorViewChanged = !before.fullName().equals(user.fullName())
                || !before.email().equals(user.email())
                || before.active() != user.active();
        if (!doctorViewChanged) {
            return Uni.createFrom().voidItem();
        }
        return doctors.findById(user.id())
                .chain(doctor -> doctor == null
                        ? Uni.createFrom().voidItem()
                        : outbox.append(DoctorEvents.of(DoctorEvents.UPDATED, doctor, user, actor))
                                .replaceWithVoid());
    }
}
