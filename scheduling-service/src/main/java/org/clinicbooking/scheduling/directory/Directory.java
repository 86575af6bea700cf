package org.clinicbooking.scheduling.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Looks up doctors, clinics, medical services and users in the read model. On a miss it fetches
 * the record from user-service with the caller's token and stores it, so a record created a
 * moment ago, whose event has not arrived yet, is found all the same. Each lookup emits null when the record
 * does not exist at all, and fails with 503 when user-service cannot be asked.
 *
 * <p>Call these outside any Hibernate session: each read opens and closes its own, so that the
 * HTTP call never holds a database connection.
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class);

    private final DirectoryStore store;
    private final UserServiceClient userService;

    public Directory(DirectoryStore store, @RestClient UserServiceClient userService) {
        this.store = store;
        this.userService = userService;
    }

    public Uni<Doctor> doctor(UUID id, String bearerToken) {
        return store.findDoctor(id)
                .onItem()
                .ifNull()
                .switchTo(() -> fetch("doctor", id, () -> userService.doctor(id, authorization(bearerToken)))
                        .map(view -> view == null ? null : toDoctor(view))
                        .chain(doctor -> doctor == null ? Uni.createFrom().nullItem() : store.rememberDoctor(doctor)));
    }

    /**
     * Looks up a doctor and their clinic. Emits null when the doctor does not exist. Fails with
     * 422 when user-service does not know their clinic either.
     */
    public Uni<DoctorAtClinic> doctorAtClinic(UUID doctorId, String bearerToken) {
        return doctor(doctorId, bearerToken).chain(doctor -> {
            if (doctor == null) {
                return Uni.createFrom().nullItem();
            }
            return clinic(doctor.clinicId(), bearerToken).map(clinic -> {
                if (clinic == null) {
                    throw new ProblemException(
                            ProblemType.UNPROCESSABLE,
                            "The clinic " + doctor.clinicId() + " of doctor " + doctorId + " is not known.");
                }
                return new DoctorAtClinic(doctor, clinic);
            });
        });
    }

    public Uni<Clinic> clinic(UUID id, String bearerToken) {
        return store.findClinic(id)
                .onItem()
                .ifNull()
                .switchTo(() -> fetch("clinic", id, () -> userService.clinic(id, authorization(bearerToken)))
                        .map(view -> view == null ? null : toClinic(view))
                        .chain(clinic -> clinic == null ? Uni.createFrom().nullItem() : store.rememberClinic(clinic)));
    }

    public Uni<MedicalService> medicalService(UUID id, String bearerToken) {
        return store.findMedicalService(id)
                .onItem()
                .ifNull()
                .switchTo(() -> fetch(
                                "medical service", id, () -> userService.medicalService(id, authorization(bearerToken)))
                        .map(view -> view == null ? null : toMedicalService(view))
                        .chain(service -> service == null
                                ? Uni.createFrom().nullItem()
                                : store.rememberMedicalServices(List.of(service))
                                        .replaceWith(service)));
    }

    public Uni<UserAccount> user(UUID id, String bearerToken) {
        return store.findUser(id)
                .onItem()
                .ifNull()
                .switchTo(() -> fetch("user", id, () -> userService.user(id, authorization(bearerToken)))
                        .map(view -> view == null ? null : toUser(view))
                        .chain(user -> user == null ? Uni.createFrom().nullItem() : store.rememberUser(user)));
    }

    /**
     * Returns whether the doctor offers the service. A link the read model does not show as
     * offered may have been added a moment ago, so then user-service's list decides and is stored.
     */
    public Uni<Boolean> offers(UUID doctorId, UUID serviceId, String bearerToken) {
        return store.offers(doctorId, serviceId).chain(offered -> {
            if (offered) {
                return Uni.createFrom().item(true);
            }
            return fetch(
                            "services of doctor",
                            doctorId,
                            () -> userService.doctorServices(doctorId, authorization(bearerToken)))
                    .chain(listing -> {
                        List<MedicalService> services = listing == null ? List.of() : toMedicalServices(listing);
                        boolean listed = services.stream()
                                .anyMatch(service -> service.id().equals(serviceId));
                        return store.rememberOfferings(doctorId, services).replaceWith(listed);
                    });
        });
    }

    /** Calls user-service; a 404 emits null, any other failure becomes a 503 problem. */
    private static <T> Uni<T> fetch(String what, UUID id, Supplier<Uni<T>> call) {
        return Uni.createFrom()
                .deferred(call::get)
                .invoke(() -> LOG.infof("Read model lacked %s %s; fetched it from user-service", what, id))
                .onFailure()
                .recoverWithUni(error -> {
                    if (error instanceof WebApplicationException web
                            && web.getResponse().getStatus() == 404) {
                        return Uni.createFrom().nullItem();
                    }
                    LOG.warnf("Could not fetch %s %s from user-service: %s", what, id, error.toString());
                    return Uni.createFrom()
                            .failure(new ProblemException(
                                    ProblemType.DEPENDENCY_UNAVAILABLE,
                                    "The " + what + " " + id
                                            + " is not known here yet and user-service could not be asked."
                                            + " Try again in a moment."));
                });
    }

    private static String authorization(String bearerToken) {
        return bearerToken == null ? null : "Bearer " + bearerToken;
    }

    private static Doctor toDoctor(UserServiceClient.DoctorView view) {
        return valid("doctor", () -> new Doctor(view.id(), view.clinicId(), !Boolean.FALSE.equals(view.active())));
    }

    private static Clinic toClinic(UserServiceClient.ClinicView view) {
        return valid("clinic", () -> new Clinic(view.id(), view.timeZone()));
    }

    private static MedicalService toMedicalService(UserServiceClient.MedicalServiceView view) {
        return valid(
                "medical service",
                () -> new MedicalService(
                        view.id(),
                        view.durationMinutes() == null ? 0 : view.durationMinutes(),
                        view.price(),
                        view.currency(),
                        !Boolean.FALSE.equals(view.active())));
    }

    private static UserAccount toUser(UserServiceClient.UserView view) {
        return valid(
                "user",
                () -> new UserAccount(view.id(), Role.valueOf(view.role()), Boolean.TRUE.equals(view.active())));
    }

    private static List<MedicalService> toMedicalServices(JsonNode listing) {
        JsonNode items = listing.isArray() ? listing : listing.path("items");
        List<MedicalService> services = new ArrayList<>();
        for (JsonNode item : items) {
            services.add(valid(
                    "medical service",
                    () -> new MedicalService(
                            UUID.fromString(item.path("id").asText()),
                            item.path("durationMinutes").asInt(0),
                            new BigDecimal(item.path("price").asText()),
                            item.path("currency").asText(),
                            item.path("active").asBoolean(true))));
        }
        return services;
    }

    /** Builds a record from user-service's response; a response that breaks the contract is a 503. */
    private static <T> T valid(String what, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("user-service returned an invalid %s: %s", what, e.getMessage());
            throw new ProblemException(
                    ProblemType.DEPENDENCY_UNAVAILABLE,
                    "user-service returned a " + what + " that scheduling cannot use. Try again later.");
        }
    }
}
