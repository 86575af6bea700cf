package org.clinicbooking.scheduling.calendar;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.CurrentActor;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.scheduling.appointment.AppointmentRepository;
import org.clinicbooking.scheduling.appointment.AppointmentResponse;
import org.clinicbooking.scheduling.directory.Directory;

/** A doctor's active appointments as an iCalendar feed, for the doctor and clinic staff. */
@Path("/api/doctors/{doctorId}/calendar.ics")
@RolesAllowed({"DOCTOR", "STAFF", "ADMIN"})
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final Directory directory;
    private final AppointmentRepository appointments;
    private final CurrentActor currentActor;

    public CalendarResource(Directory directory, AppointmentRepository appointments, CurrentActor currentActor) {
        this.directory = directory;
        this.appointments = appointments;
        this.currentActor = currentActor;
    }

    /**
     * Returns every active appointment (booked, confirmed, completed) of the doctor, past and future.
     * NOTE: the feed is not paged, so a doctor with years of history gets one large document.
     */
    @GET
    @Produces(TEXT_CALENDAR)
    public Uni<Response> calendar(@PathParam("doctorId") UUID doctorId) {
        Actor actor = currentActor.get();
        if (!actor.isClinicStaff() && !(actor.is(Role.DOCTOR) && actor.isUser(doctorId))) {
            throw ProblemException.forbidden("Only the doctor themself and clinic staff may read this calendar.");
        }
        return directory
                .doctor(doctorId, currentActor.bearerToken())
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Doctor", doctorId))
                .chain(() -> Panache.withSession(() -> appointments.allActiveOfDoctor(doctorId)))
                .map(rows -> ICalendarWriter.write(
                        "Appointments of doctor " + doctorId,
                        rows.stream().map(AppointmentResponse::of).toList()))
                .map(body -> Response.ok(body, TEXT_CALENDAR)
                        .header("Content-Disposition", "inline; filename=\"calendar.ics\"")
                        .build());
    }
}
