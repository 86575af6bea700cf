package org.clinicbooking.scheduling.appointment;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.security.CurrentActor;
import org.clinicbooking.scheduling.InputFormats;

@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
public class AppointmentResource {

    private final BookingService bookings;
    private final AppointmentService appointments;
    private final CurrentActor currentActor;

    public AppointmentResource(BookingService bookings, AppointmentService appointments, CurrentActor currentActor) {
        this.bookings = bookings;
        this.appointments = appointments;
        this.currentActor = currentActor;
    }

    @POST
    public Uni<Response> book(@NotNull @Valid BookAppointmentRequest request) {
        return bookings.book(request, currentActor.get(), currentActor.bearerToken())
                .map(appointment -> Response.created(URI.create("/api/appointments/" + appointment.id()))
                        .entity(appointment)
                        .build());
    }

    /**
     * Lists appointments, earliest first. {@code from} and {@code to} are instants with an
     * offset and select appointments that start in [from, to).
     */
    @GET
    public Uni<Page<AppointmentResponse>> list(
            @QueryParam("patientId") String patientId,
            @QueryParam("doctorId") String doctorId,
            @QueryParam("clinicId") String clinicId,
            @QueryParam("status") String status,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @BeanParam @Valid PageRequest page) {
        AppointmentFilter filter = new AppointmentFilter(
                InputFormats.optionalUuid("patientId", patientId),
                InputFormats.optionalUuid("doctorId", doctorId),
                InputFormats.optionalUuid("clinicId", clinicId),
                status(status),
                InputFormats.optionalInstantWithOffset("from", from),
                InputFormats.optionalInstantWithOffset("to", to));
        return appointments.list(filter, page, currentActor.get());
    }

    @GET
    @Path("/{id}")
    public Uni<AppointmentResponse> get(@PathParam("id") UUID id) {
        return appointments.get(id, currentActor.get());
    }

    @PUT
    @Path("/{id}/status")
    public Uni<AppointmentResponse> changeStatus(
            @PathParam("id") UUID id, @NotNull @Valid ChangeStatusRequest request) {
        return appointments.changeStatus(id, request.status(), request.reason(), currentActor.get());
    }

    /** Cancels the appointment; it is never deleted. */
    @DELETE
    @Path("/{id}")
    public Uni<AppointmentResponse> cancel(
            @PathParam("id") UUID id, @QueryParam("reason") @Size(max = 1000) String reason) {
        return appointments.changeStatus(id, AppointmentStatus.CANCELLED, reason, currentActor.get());
    }

    @POST
    @Path("/{id}/reschedule")
    public Uni<AppointmentResponse> reschedule(@PathParam("id") UUID id, @NotNull @Valid RescheduleRequest request) {
        return bookings.reschedule(id, request, currentActor.get(), currentActor.bearerToken());
    }

    private static AppointmentStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AppointmentStatus.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            String allowed =
                    Arrays.stream(AppointmentStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalidField("status", "must be one of " + allowed);
        }
    }
}
