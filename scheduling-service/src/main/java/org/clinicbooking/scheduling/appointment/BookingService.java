package org.clinicbooking.scheduling.appointment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.problem.Problem;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.kit.transaction.Transactions;
import org.clinicbooking.scheduling.InputFormats;
import org.clinicbooking.scheduling.directory.BookableOffer;
import org.clinicbooking.scheduling.directory.Directory;
import org.clinicbooking.scheduling.directory.Offers;
import org.clinicbooking.scheduling.schedule.BookingLocks;
import org.clinicbooking.scheduling.schedule.TimeRange;
import org.jboss.logging.Logger;

/**
 * Books and moves appointments. The checks that need no lock (which caller books which patient, the offer, the
 * end time, a patient's future start) run first. Then one transaction locks the doctor's row and
 * the patient's row, checks working time and overlaps with locking reads, and writes the
 * appointment and its event, so that no two active appointments of a doctor or of a patient
 * overlap however many replicas book at once.
 */
@ApplicationScoped
public class BookingService {

    private static final Logger LOG = Logger.getLogger(BookingService.class);

    private final Offers offers;
    private final Directory directory;
    private final BookingLocks locks;
    private final BookingRules rules;
    private final AppointmentRepository appointments;
    private final Outbox outbox;
    private final Clock clock;

    public BookingService(
            Offers offers,
            Directory directory,
            BookingLocks locks,
            BookingRules rules,
            AppointmentRepository appointments,
            Outbox outbox,
            Clock clock) {
        this.offers = offers;
        this.directory = directory;
        this.locks = locks;
        this.rules = rules;
        this.appointments = appointments;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<AppointmentResponse> book(BookAppointmentRequest request, Actor actor, String bearerToken) {
        UUID patientId = patientOf(request, actor);
        Instant start = InputFormats.instantWithOffset("startAt", request.startAt());
        Instant requestedEnd = InputFormats.optionalInstantWithOffset("endAt", request.endAt());
        if (requestedEnd != null && !requestedEnd.isAfter(start)) {
            throw ProblemException.invalidField("endAt", "must be after startAt");
        }
        boolean patientBooking = actor.is(Role.PATIENT);
        if (patientBooking) {
            requireFuture(start);
        }

        return offers.require(request.doctorId(), request.serviceId(), bearerToken, ProblemType.UNPROCESSABLE)
                .call(offer ->
                        patientBooking ? Uni.createFrom().voidItem() : requireActivePatient(patientId, bearerToken))
                .chain(offer -> {
                    TimeRange slot = TimeRange.of(start, offer.service().duration());
                    requireMatchingEnd(requestedEnd, slot, offer);
                    BookingPlan plan = new BookingPlan(
                            patientId, offer, slot, blankToNull(request.reason()), actor, patientBooking);
                    UUID id = UUID.randomUUID();
                    // The overlap checks of bookings for different doctors lock neighbouring index
                    // gaps, so InnoDB may roll one back as a deadlock victim, and it then runs again.
                    return locks.createRows(plan.offer().doctorId(), patientId)
                            .chain(() -> Transactions.retryingLockConflicts(
                                    "booking of appointment " + id, () -> bookInTransaction(id, plan)));
                })
                .invoke(response -> LOG.infof(
                        "Booked appointment %s: doctor %s, patient %s, %s to %s",
                        response.id(),
                        response.doctorId(),
                        response.patientId(),
                        response.startAt(),
                        response.endAt()));
    }

    /**
     * Moves an appointment to a new start, keeping its id, status and price. Every booking rule
     * is checked again; the appointment's own current time does not count as an overlap. The
     * client sends no version, so a move that loses to a concurrent change of the appointment
     * runs again on the committed state.
     */
    public Uni<AppointmentResponse> reschedule(UUID id, RescheduleRequest request, Actor actor, String bearerToken) {
        Instant start = InputFormats.instantWithOffset("startAt", request.startAt());
        boolean patientMove = actor.is(Role.PATIENT);
        if (patientMove) {
            requireFuture(start);
        }
        return Panache.withSession(() -> appointments.findById(id))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Appointment", id))
                .invoke(appointment -> requireMayReschedule(appointment, actor))
                .chain(appointment -> offers.require(
                                appointment.doctorId(), appointment.serviceId(), bearerToken, ProblemType.UNPROCESSABLE)
                        .chain(offer -> {
                            TimeRange slot = TimeRange.of(start, offer.service().duration());
                            BookingPlan plan = new BookingPlan(
                                    appointment.patientId(), offer, slot, appointment.reason(), actor, patientMove);
                            return locks.createRows(offer.doctorId(), appointment.patientId())
                                    .chain(() -> Transactions.retryingConflicts(
                                            "reschedule of appointment " + id, () -> moveInTransaction(id, plan)));
                        }))
                .invoke(response -> LOG.infof(
                        "Rescheduled appointment %s to %s - %s", response.id(), response.startAt(), response.endAt()));
    }

    private Uni<AppointmentResponse> bookInTransaction(UUID id, BookingPlan plan) {
        return lockBoth(plan)
                .chain(() -> plan.withinWorkingTime()
                        ? rules.requireWorkingTime(plan)
                        : Uni.createFrom().voidItem())
                .chain(() -> rules.requireNoOverlap(plan, id))
                .chain(() -> appointments.persistAndFlush(new Appointment(id, plan, clock.instant())))
                .call(appointment -> outbox.append(AppointmentEvents.booked(appointment, plan.actor())))
                .map(AppointmentResponse::of);
    }

    /**
     * Reads the appointment again under the booking locks and checks the rules on that state. A
     * status change does not take the booking locks, so one committed meanwhile makes the flush
     * fail its {@code @Version} check, and the caller runs this again.
     */
    private Uni<AppointmentResponse> moveInTransaction(UUID id, BookingPlan plan) {
        return lockBoth(plan)
                .chain(() -> appointments.findById(id))
                .invoke(appointment -> requireMayReschedule(appointment, plan.actor()))
                .call(() -> plan.withinWorkingTime()
                        ? rules.requireWorkingTime(plan)
                        : Uni.createFrom().voidItem())
                .call(() -> rules.requireNoOverlap(plan, id))
                .invoke(appointment -> appointment.moveTo(plan.slot(), clock.instant()))
                .call(() -> appointments.flush())
                .call(appointment -> outbox.append(AppointmentEvents.rescheduled(appointment, plan.actor())))
                .map(AppointmentResponse::of);
    }

    /** Takes the doctor's lock and then the patient's: the fixed order rules out deadlock cycles between them. */
    private Uni<Void> lockBoth(BookingPlan plan) {
        return locks.lockDoctor(plan.offer().doctorId()).chain(() -> locks.lockPatient(plan.patientId()));
    }

    private static UUID patientOf(BookAppointmentRequest request, Actor actor) {
        if (actor.is(Role.PATIENT)) {
            if (request.patientId() != null && !actor.isUser(request.patientId())) {
                throw ProblemException.forbidden(
                        "A patient books only for themself: leave patientId out or use your own id.");
            }
            return actor.userId();
        }
        if (actor.isClinicStaff()) {
            if (request.patientId() == null) {
                throw ProblemException.invalidField("patientId", "is required when staff book for a patient");
            }
            return request.patientId();
        }
        throw ProblemException.forbidden("Only patients and clinic staff book appointments.");
    }

    private Uni<Void> requireActivePatient(UUID patientId, String bearerToken) {
        return directory
                .user(patientId, bearerToken)
                .invoke(user -> {
                    if (user == null || !user.isActivePatient()) {
                        String detail = user == null
                                ? "Patient " + patientId + " does not exist."
                                : "User " + patientId + " is not an active patient.";
                        throw new ProblemException(
                                ProblemType.UNPROCESSABLE,
                                detail,
                                List.of(new Problem.FieldError("patientId", detail)),
                                Map.of());
                    }
                })
                .replaceWithVoid();
    }

    private void requireFuture(Instant start) {
        if (!start.isAfter(clock.instant())) {
            throw ProblemException.invalidField("startAt", "must be in the future");
        }
    }

    private static void requireMatchingEnd(Instant requestedEnd, TimeRange slot, BookableOffer offer) {
        if (requestedEnd != null && !requestedEnd.equals(slot.end())) {
            throw ProblemException.invalidField(
                    "endAt",
                    "must be startAt plus the service's " + offer.service().durationMinutes() + " minutes, that is "
                            + slot.end() + ", or be left out");
        }
    }

    private static void requireMayReschedule(Appointment appointment, Actor actor) {
        Participation who = Participation.require(appointment, actor);
        if (who == Participation.DOCTOR) {
            throw ProblemException.forbidden("Only the patient and clinic staff may reschedule an appointment.");
        }
        requireOpen(appointment);
    }

    private static void requireOpen(Appointment appointment) {
        if (!appointment.status().isOpen()) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Appointment " + appointment.id() + " is " + appointment.status()
                            + "; only a BOOKED or CONFIRMED appointment can be rescheduled.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
