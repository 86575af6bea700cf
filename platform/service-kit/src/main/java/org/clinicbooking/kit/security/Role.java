package org.clinicbooking.kit.security;

/** The roles a user can hold. The JWT {@code groups} claim carries exactly one of them. */
public enum Role {
    PATIENT,
    DOCTOR,
    STAFF,
    ADMIN;

    /** Staff and admins act on behalf of the clinic and may see every patient's records. */
    public boolean isClinicStaff() {
        return this == STAFF || this == ADMIN;
    }
}
