package org.clinicbooking.scheduling.availability;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.problem.ProblemException;
import org.clinicbooking.kit.problem.ProblemType;
import org.clinicbooking.scheduling.appointment.AppointmentRepository;
import org.clinicbooking.scheduling.directory.BookableOffer;
import org.clinicbooking.scheduling.directory.Offers;
import org.clinicbooking.scheduling.schedule.TimeOff;
import org.clinicbooking.scheduling.schedule.TimeOffRepository;
import org.clinicbooking.scheduling.schedule.TimeRange;
import org.clinicbooking.scheduling.schedule.WorkingHoursRepository;

/** Computes a doctor's free slots for one service over a range of the clinic's local dates. */
@ApplicationScoped
public class AvailabilityService {

    /** The maximum range of one request, in days, both ends included. */
    static final int MAX_DAYS = 31;

    private final Offers offers;
    private final WorkingHoursRepository workingHours;
    private final TimeOffRepository timeOff;
    private final AppointmentRepository appointments;
    private final Clock clock;

    public AvailabilityService(
            Offers offers,
            WorkingHoursRepository workingHours,
            TimeOffRepository timeOff,
            AppointmentRepository appointments,
            Clock clock) {
        this.offers = offers;
        this.workingHours = workingHours;
        this.timeOff = timeOff;
        this.appointments = appointments;
        this.clock = clock;
    }

    /**
     * @param from the first local date, in the clinic's time zone
     * @param to the last local date, included
     */
    public Uni<AvailabilityResponse> freeSlots(
            UUID doctorId, UUID serviceId, LocalDate from, LocalDate to, String bearerToken) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ProblemException.invalidField(
                    "to", "must be at most " + MAX_DAYS + " days after from, both included");
        }
        return offers.require(doctorId, serviceId, bearerToken, ProblemType.NOT_FOUND)
                .chain(offer -> Panache.withSession(() -> slotsOf(offer, from, to)));
    }

    private Uni<AvailabilityResponse> slotsOf(BookableOffer offer, LocalDate from, LocalDate to) {
        ZoneId zone = offer.zone();
        TimeRange range = new TimeRange(
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        UUID doctorId = offer.doctorId();
        return workingHours
                .scheduleOf(doctorId)
                .chain(schedule -> timeOff.overlapping(doctorId, range)
                        .chain(away -> appointments
                                .activeTimesOfDoctor(doctorId, range)
                                .map(booked -> {
                                    List<TimeRange> busy = new ArrayList<>(booked);
                                    away.stream().map(TimeOff::range).forEach(busy::add);
                                    List<Slot> slots = SlotFinder.freeSlots(
                                            schedule,
                                            zone,
                                            from,
                                            to,
                                            offer.service().duration(),
                                            busy,
                                            clock.instant());
                                    return new AvailabilityResponse(
                                            doctorId, offer.service().id(), zone.getId(), slots);
                                })));
    }
}
