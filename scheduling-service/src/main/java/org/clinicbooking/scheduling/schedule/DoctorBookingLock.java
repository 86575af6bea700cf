package org.clinicbooking.scheduling.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The row that serialises changes to one doctor's schedule; see {@link BookingLocks}. */
@Entity
@Table(name = "doctor_booking_lock")
class DoctorBookingLock {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "doctor_id", length = 36)
    UUID doctorId;
}
