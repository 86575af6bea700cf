package org.clinicbooking.clinical.review;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.clinicbooking.kit.security.CurrentActor;

@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService reviewService;
    private final CurrentActor currentActor;

    public ReviewResource(ReviewService reviewService, CurrentActor currentActor) {
        this.reviewService = reviewService;
        this.currentActor = currentActor;
    }

    /** Posts the caller's review. The Location header names the doctor's review list, because a review has no URL of its own. */
    @POST
    @RolesAllowed("PATIENT")
    public Uni<Response> post(@NotNull @Valid PostReviewRequest request) {
        return reviewService
                .post(request, currentActor.get(), currentActor.bearerToken())
                .map(review -> Response.created(URI.create("/api/doctors/" + review.doctorId() + "/reviews"))
                        .entity(ReviewResponse.of(review))
                        .build());
    }
}
