package org.clinicbooking.clinical.prescription;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.clinicbooking.clinical.appointment.AppointmentDirectory;
import org.clinicbooking.clinical.appointment.AppointmentSnapshot;
import org.clinicbooking.clinical.appointment.AppointmentStatus;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;
import org.jboss.logging.Logger;

/** Issues prescriptions and decides who may read them. */
@ApplicationScoped
public class PrescriptionService {

    private static final Logger LOG = Logger.getLogger(PrescriptionService.class);

    /** A doctor prescribes during or after the visit: not before it is confirmed, nor once it failed. */
    static final Set<AppointmentStatus> PRESCRIBABLE =
            EnumSet.of(AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED);

    private final PrescriptionRepository prescriptions;
    private final AppointmentDirectory appointments;
    private final Outbox outbox;
    private final Clock clock;

    public PrescriptionService(
            PrescriptionRepository prescriptions, AppointmentDirectory appointments, Outbox outbox, Clock clock) {
        this.prescriptions = prescriptions;
        this.appointments = appointments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Issues a prescription for the appointment if the doctor is the appointment's doctor and
     * the appointment is confirmed or completed. The appointment is looked up before the write
     * transaction opens, so no transaction waits on scheduling-service.
     */
    public Uni<Prescription> issue(IssuePrescriptionRequest request, Actor doctor, String bearerToken) {
        return appointments
                .find(request.appointmentId(), bearerToken)
                .invoke(appointment -> requireDoctorOf(appointment, doctor))
                .chain(appointment -> appointments.catchUp(appointment, PRESCRIBABLE, bearerToken))
                .invoke(PrescriptionService::requirePrescribable)
                .chain(appointment -> Panache.withTransaction(() -> store(appointment, request, doctor)));
    }

    @WithSession
    public Uni<Prescription> find(UUID id, Actor reader) {
        return prescriptions
                .findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Prescription", id))
                .invoke(prescription -> requireReadable(prescription, reader));
    }

    @WithSession
    public Uni<Page<Prescription>> list(Actor reader, UUID patientId, UUID appointmentId, PageRequest page) {
        PrescriptionFilter filter = PrescriptionFilter.visibleTo(reader, patientId, appointmentId);
        return prescriptions
                .count(filter)
                .chain(total -> prescriptions.list(filter, page).map(items -> Page.of(items, page, total)));
    }

    private Uni<Prescription> store(AppointmentSnapshot appointment, IssuePrescriptionRequest request, Actor doctor) {
        Prescription prescription = new Prescription(appointment, request, clock.instant());
        return prescriptions
                .persist(prescription)
                .call(stored -> outbox.append(PrescriptionEvents.issued(stored, doctor)))
                // Medication and instructions are health data: the log names only ids.
                .invoke(stored -> LOG.infof(
                        "Doctor %s issued prescription %s for appointment %s",
                        doctor.userId(), stored.id(), appointment.id()));
    }

    private static void requireDoctorOf(AppointmentSnapshot appointment, Actor doctor) {
        if (!appointment.isDoctor(doctor.userId())) {
            throw ProblemException.forbidden(
                    "Only the doctor of appointment " + appointment.id() + " may prescribe for it.");
        }
    }

    private static void requirePrescribable(AppointmentSnapshot appointment) {
        if (!PRESCRIBABLE.contains(appointment.status())) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Appointment " + appointment.id() + " is " + appointment.status()
                            + "; a prescription needs a CONFIRMED or COMPLETED appointment.");
        }
    }

    private static void requireReadable(Prescription prescription, Actor reader) {
        boolean allowed = reader.isClinicStaff()
                || (reader.is(Role.PATIENT) && reader.isUser(prescription.patientId()))
                || (reader.is(Role.DOCTOR) && reader.isUser(prescription.doctorId()));
        if (!allowed) {
            throw ProblemException.forbidden("You may read only your own prescriptions.");
        }
    }
}
