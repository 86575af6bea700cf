package org.clinicbooking.scheduling.appointment;

import java.util.UUID;
import org.clinicbooking.kit.security.Actor;
import org.clinicbooking.scheduling.directory.BookableOffer;
import org.clinicbooking.scheduling.schedule.TimeRange;

/**
 * A booking or a move that passed every check that needs no lock, ready for the transaction.
 *
 * @param withinWorkingTime whether the slot must lie inside working hours and outside time off,
 *     which holds for patients; staff may book outside them
 */
record BookingPlan(
        UUID patientId, BookableOffer offer, TimeRange slot, String reason, Actor actor, boolean withinWorkingTime) {}
