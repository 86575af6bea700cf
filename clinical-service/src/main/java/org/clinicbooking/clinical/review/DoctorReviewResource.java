package org.clinicbooking.clinical.review;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;

/** A doctor's reviews and rating summary, readable by every signed-in user. */
@Path("/api/doctors/{doctorId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"PATIENT", "DOCTOR", "STAFF", "ADMIN"})
public class DoctorReviewResource {

    private final ReviewService reviewService;

    public DoctorReviewResource(ReviewService reviewService) {
        this.reviewService = reviewService;
    }

    /** Lists the doctor's reviews newest first. A review shows its patient's id only when the patient chose showName. */
    @GET
    @Path("/reviews")
    public Uni<Page<ReviewResponse>> reviews(@PathParam("doctorId") UUID doctorId, @BeanParam @Valid PageRequest page) {
        return reviewService.listByDoctor(doctorId, page).map(found -> found.map(ReviewResponse::publicView));
    }

    /** Returns the doctor's rating summary: count 0 and a null average for a doctor without reviews or an unknown id. */
    @GET
    @Path("/rating")
    public Uni<DoctorRatingResponse> rating(@PathParam("doctorId") UUID doctorId) {
        return reviewService.rating(doctorId);
    }
}
