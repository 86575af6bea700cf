package org.clinicbooking.scheduling.schedule;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.clinicbooking.kit.security.CurrentActor;

/** A doctor's weekly working hours and time off: read and replaced as a whole. */
@Path("/api/doctors/{doctorId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"DOCTOR", "STAFF", "ADMIN"})
public class ScheduleResource {

    private final ScheduleService schedules;
    private final CurrentActor currentActor;

    public ScheduleResource(ScheduleService schedules, CurrentActor currentActor) {
        this.schedules = schedules;
        this.currentActor = currentActor;
    }

    @GET
    @Path("/working-hours")
    public Uni<WorkingHoursResponse> workingHours(@PathParam("doctorId") UUID doctorId) {
        return schedules.workingHours(doctorId, currentActor.get(), currentActor.bearerToken());
    }

    @PUT
    @Path("/working-hours")
    public Uni<WorkingHoursResponse> replaceWorkingHours(
            @PathParam("doctorId") UUID doctorId, @NotNull @Valid WorkingHoursRequest request) {
        return schedules.replaceWorkingHours(doctorId, request, currentActor.get(), currentActor.bearerToken());
    }

    @GET
    @Path("/time-off")
    public Uni<TimeOffResponse> timeOff(@PathParam("doctorId") UUID doctorId) {
        return schedules.timeOff(doctorId, currentActor.get(), currentActor.bearerToken());
    }

    @PUT
    @Path("/time-off")
    public Uni<TimeOffResponse> replaceTimeOff(
            @PathParam("doctorId") UUID doctorId, @NotNull @Valid TimeOffRequest request) {
        return schedules.replaceTimeOff(doctorId, request, currentActor.get(), currentActor.bearerToken());
    }
}
