package org.clinicbooking.clinical.review;

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
import org.clinicbooking.kit.problem.SqlErrors;
import org.clinicbooking.kit.security.Actor;
import org.jboss.logging.Logger;

/** Stores patients' reviews and keeps each doctor's rating summary in step with them. */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private static final Set<AppointmentStatus> REVIEWABLE = EnumSet.of(AppointmentStatus.COMPLETED);

    /** The unique index that allows one review per appointment, also under concurrent posts. */
    private static final String ONE_REVIEW_PER_APPOINTMENT = "uq_review_appointment_id";

    private final ReviewRepository reviews;
    private final DoctorRatingRepository ratings;
    private final AppointmentDirectory appointments;
    private final Outbox outbox;
    private final Clock clock;

    public ReviewService(
            ReviewRepository reviews,
            DoctorRatingRepository ratings,
            AppointmentDirectory appointments,
            Outbox outbox,
            Clock clock) {
        this.reviews = reviews;
        this.ratings = ratings;
        this.appointments = appointments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores the review if the patient is the appointment's patient, the appointment is
     * completed and has no review yet, and adds the rating to the doctor's summary in the same
     * transaction.
     */
    public Uni<Review> post(PostReviewRequest request, Actor patient, String bearerToken) {
        UUID appointmentId = request.appointmentId();
        return appointments
                .find(appointmentId, bearerToken)
                .invoke(appointment -> requirePatientOf(appointment, patient))
                .chain(appointment -> appointments.catchUp(appointment, REVIEWABLE, bearerToken))
                .invoke(ReviewService::requireCompleted)
                .chain(appointment -> Panache.withTransaction(() -> store(appointment, request, patient)))
                .onFailure(error -> SqlErrors.isDuplicateKey(error, ONE_REVIEW_PER_APPOINTMENT))
                .transform(error -> new ProblemException(
                        ProblemType.DUPLICATE, "Appointment " + appointmentId + " already has a review."));
    }

    @WithSession
    public Uni<Page<Review>> listByDoctor(UUID doctorId, PageRequest page) {
        return reviews.countByDoctor(doctorId)
                .chain(total -> reviews.listByDoctor(doctorId, page).map(items -> Page.of(items, page, total)));
    }

    @WithSession
    public Uni<DoctorRatingResponse> rating(UUID doctorId) {
        return ratings.findById(doctorId).map(rating -> DoctorRatingResponse.of(doctorId, rating));
    }

    private Uni<Review> store(AppointmentSnapshot appointment, PostReviewRequest request, Actor patient) {
        Review review = new Review(appointment, request, clock.instant());
        // Flushing first makes a second review of the appointment fail on the unique index
        // before the doctor's summary row is locked.
        return reviews.persistAndFlush(review)
                .call(stored -> ratings.add(stored.doctorId(), stored.rating(), stored.createdAt()))
                .call(stored -> outbox.append(ReviewEvents.posted(stored, patient)))
                // The comment is the patient's own words about their care: the log names only ids.
                .invoke(stored -> LOG.infof(
                        "Patient %s reviewed appointment %s of doctor %s: review %s",
                        patient.userId(), appointment.id(), appointment.doctorId(), stored.id()));
    }

    private static void requirePatientOf(AppointmentSnapshot appointment, Actor patient) {
        if (!appointment.isPatient(patient.userId())) {
            throw ProblemException.forbidden("Only the patient of appointment " + appointment.id() + " may review it.");
        }
    }

    private static void requireCompleted(AppointmentSnapshot appointment) {
        if (!REVIEWABLE.contains(appointment.status())) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Appointment " + appointment.id() + " is " + appointment.status()
                            + "; only a COMPLETED appointment can be reviewed.");
        }
    }
}
