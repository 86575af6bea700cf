package org.clinicbooking.scheduling.directory;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.kit.problem.Problem;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;

/** Checks that a doctor can be booked for a medical service, and gathers what a booking needs. */
@ApplicationScoped
public class Offers {

    private final Directory directory;

    public Offers(Directory directory) {
        this.directory = directory;
    }

    /**
     * Emits the offer, or fails with 422 when the service does not exist, either of the two is
     * inactive, or the doctor does not offer the service.
     *
     * @param missingDoctor the problem type for a doctor that does not exist: 404 where the doctor
     *     is in the path, 422 where the request body names them
     */
    public Uni<BookableOffer> require(UUID doctorId, UUID serviceId, String bearerToken, ProblemType missingDoctor) {
        return directory
                .doctorAtClinic(doctorId, bearerToken)
                .invoke(doctor -> {
                    if (doctor == null) {
                        throw problem(missingDoctor, "doctorId", "Doctor " + doctorId + " does not exist.");
                    }
                    if (!doctor.doctor().active()) {
                        throw problem(
                                ProblemType.UNPROCESSABLE,
                                "doctorId",
                                "Doctor " + doctorId + " is inactive and takes no bookings.");
                    }
                })
                .chain(doctor -> directory
                        .medicalService(serviceId, bearerToken)
                        .map(service -> {
                            if (service == null) {
                                throw problem(
                                        ProblemType.UNPROCESSABLE,
                                        "serviceId",
                                        "Medical service " + serviceId + " does not exist.");
                            }
                            if (!service.active()) {
                                throw problem(
                                        ProblemType.UNPROCESSABLE,
                                        "serviceId",
                                        "Medical service " + serviceId + " is inactive and cannot be booked.");
                            }
                            return new BookableOffer(doctor, service);
                        }))
                .call(offer -> directory
                        .offers(doctorId, serviceId, bearerToken)
                        .invoke(offered -> {
                            if (!offered) {
                                throw problem(
                                        ProblemType.UNPROCESSABLE,
                                        "serviceId",
                                        "Doctor " + doctorId + " does not offer medical service " + serviceId + ".");
                            }
                        }));
    }

    private static ProblemException problem(ProblemType type, String field, String detail) {
        if (type == ProblemType.NOT_FOUND) {
            return new ProblemException(type, detail);
        }
        return new ProblemException(type, detail, List.of(new Problem.FieldError(field, detail)), Map.of());
    }
}
