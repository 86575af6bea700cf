package org.clinicbooking.user.doctor;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clinicbooking.kit.outbox.Outbox;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.kit.problem.SqlErrors;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.kit.security.Role;
import org.clinicbooking.kit.transaction.Transactions;
import org.clinicbooking.user.account.User;
import org.clinicbooking.user.account.UserRepository;
import org.clinicbooking.user.clinic.ClinicRepository;
import org.clinicbooking.user.listing.Criteria;
import org.jboss.logging.Logger;

/** Creates, updates and lists doctor profiles; each change publishes a doctor event. */
@ApplicationScoped
public class DoctorProfiles {

    private static final Logger LOG = Logger.getLogger(DoctorProfiles.class);
    private static final String UNIQUE_LICENSE = "uq_doctor_license_number";

    private final DoctorRepository doctors;
    private final UserRepository users;
    private final ClinicRepository clinics;
    private final Outbox outbox;
    private final Clock clock;

    public DoctorProfiles(
            DoctorRepository doctors, UserRepository users, ClinicRepository clinics, Outbox outbox, Clock clock) {
        this.doctors = doctors;
        this.users = users;
        this.clinics = clinics;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Lists doctors, oldest profile first. Every filter left out (null) matches all doctors.
     *
     * @param specialization exact specialization, ignoring case
     * @param serviceId only doctors who offer this medical service
     * @param active only doctors whose user is active (true) or deactivated (false)
     */
    @WithSession
    public Uni<Page<DoctorResponse>> list(
            UUID clinicId, String specialization, UUID serviceId, Boolean active, PageRequest page) {
        Criteria criteria = new Criteria()
                .and("clinicId = :clinicId", "clinicId", clinicId)
                .and(
                        "specialization = :specialization",
                        "specialization",
                        specialization == null || specialization.isBlank() ? null : specialization.trim())
                .and(
                        "id in (select l.doctorId from DoctorServiceLink l where l.serviceId = :serviceId)",
                        "serviceId",
                        serviceId)
                .and("id in (select u.id from User u where u.active = :active)", "active", active);
        return doctors.search(criteria, page)
                .chain(found -> withUsers(found)
                        .chain(responses -> doctors.count(criteria).map(total -> Page.of(responses, page, total))));
    }

    @WithSession
    public Uni<DoctorResponse> get(UUID id) {
        return find(id).chain(doctor -> userOf(doctor).map(user -> DoctorResponse.of(doctor, user)));
    }

    /** Adds the profile of an existing, active DOCTOR user at an existing clinic. */
    @WithTransaction
    public Uni<DoctorResponse> create(CreateDoctorRequest request, Actor actor) {
        DoctorDetails details = request.details();
        return users.findById(request.userId())
                .invoke(user -> checkIsActiveDoctor(user, request.userId()))
                .call(user -> doctors.findById(user.id()).invoke(existing -> {
                    if (existing != null) {
                        throw profileExists(user.id());
                    }
                }))
                .call(() -> checkClinicExists(details.clinicId()))
                .call(() -> checkLicenseFree(details.licenseNumber(), null))
                .chain(user -> {
                    Doctor doctor = new Doctor(user.id(), details, clock.instant());
                    return doctors.persistAndFlush(doctor)
                            .call(created -> outbox.append(DoctorEvents.of(DoctorEvents.CREATED, created, user, actor)))
                            .invoke(created -> LOG.infof(
                                    "Created doctor profile %s at clinic %s", created.id(), created.clinicId()))
                            .map(created -> DoctorResponse.of(created, user));
                })
                .onFailure(e -> SqlErrors.isDuplicateKey(e, UNIQUE_LICENSE))
                .transform(e -> DoctorProblems.duplicateLicense(details.licenseNumber()))
                .onFailure(e -> SqlErrors.isDuplicateKey(e, "PRIMARY"))
                .transform(e -> profileExists(request.userId()));
    }

    /**
     * Replaces a profile. An admin may change every field; the doctor may change their bio and
     * must send the other fields unchanged, or the request is rejected. The client sends no
     * version, so simultaneous updates are applied one after another and the last one wins.
     */
    public Uni<DoctorResponse> update(UUID id, UpdateDoctorRequest request, Actor actor) {
        boolean ownProfile = actor.is(Role.DOCTOR) && actor.isUser(id);
        if (!actor.is(Role.ADMIN) && !ownProfile) {
            throw ProblemException.forbidden("A doctor may change only their own profile.");
        }
        DoctorDetails requested = request.details();
        return Transactions.retryingConflicts("update of doctor profile " + id, () -> replace(id, requested, actor))
                .onFailure(e -> SqlErrors.isDuplicateKey(e, UNIQUE_LICENSE))
                .transform(e -> DoctorProblems.duplicateLicense(requested.licenseNumber()));
    }

    private Uni<DoctorResponse> replace(UUID id, DoctorDetails requested, Actor actor) {
        return find(id).call(doctor -> {
                    if (!actor.is(Role.ADMIN)) {
                        checkOnlyBioChanged(doctor.details(), requested);
                    }
                    return checkClinicExists(requested.clinicId())
                            .chain(() -> checkLicenseFree(requested.licenseNumber(), id));
                })
                .chain(doctor -> userOf(doctor)
                        .call(user -> {
                            if (!doctor.update(requested, clock.instant())) {
                                return Uni.createFrom().voidItem();
                            }
                            LOG.infof("Updated doctor profile %s", doctor.id());
                            return doctors.flush()
                                    .chain(() ->
                                            outbox.append(DoctorEvents.of(DoctorEvents.UPDATED, doctor, user, actor)));
                        })
                        .map(user -> DoctorResponse.of(doctor, user)));
    }

    private Uni<List<DoctorResponse>> withUsers(List<Doctor> page) {
        List<UUID> ids = page.stream().map(Doctor::id).toList();
        return users.findByIds(ids).map(found -> {
            Map<UUID, User> byId = found.stream().collect(Collectors.toMap(User::id, Function.identity()));
            return page.stream()
                    .map(doctor -> DoctorResponse.of(doctor, byId.get(doctor.id())))
                    .toList();
        });
    }

    private Uni<Doctor> find(UUID id) {
        return doctors.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Doctor", id));
    }

    // fk_doctor_user guarantees the user exists for as long as the profile does.
    private Uni<User> userOf(Doctor doctor) {
        return users.findById(doctor.id());
    }

    private static void checkIsActiveDoctor(User user, UUID userId) {
        if (user == null) {
            throw DoctorProblems.unusableReference("userId", "no user has the id " + userId);
        }
        if (user.role() != Role.DOCTOR) {
            throw DoctorProblems.unusableReference("userId", "the user has the role " + user.role() + ", not DOCTOR");
        }
        if (!user.active()) {
            throw DoctorProblems.unusableReference("userId", "the user is deactivated");
        }
    }

    private static void checkOnlyBioChanged(DoctorDetails current, DoctorDetails requested) {
        DoctorDetails withNewBio = new DoctorDetails(
                current.clinicId(),
                current.specialization(),
                current.licenseNumber(),
                current.yearsOfExperience(),
                requested.bio());
        if (!withNewBio.equals(requested)) {
            throw ProblemException.forbidden(
                    "A doctor may change only the bio of their profile; an admin changes the other fields.");
        }
    }

    private Uni<Void> checkClinicExists(UUID clinicId) {
        return clinics.findById(clinicId)
                .invoke(clinic -> {
                    if (clinic == null) {
                        throw DoctorProblems.unusableReference("clinicId", "no clinic has the id " + clinicId);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> checkLicenseFree(String licenseNumber, UUID exceptId) {
        return doctors.licenseTaken(licenseNumber, exceptId)
                .invoke(taken -> {
                    if (taken) {
                        throw DoctorProblems.duplicateLicense(licenseNumber);
                    }
                })
                .replaceWithVoid();
    }

    private static ProblemException profileExists(UUID userId) {
        return new ProblemException(ProblemType.DUPLICATE, "User " + userId + " already has a doctor profile.");
    }
}
