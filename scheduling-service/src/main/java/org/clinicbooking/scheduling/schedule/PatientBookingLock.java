package org.clinicbooking.scheduling.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The row that serialises changes to one patient's appointments; see {@link BookingLocks}. */
@Entity
@Table(name = "patient_booking_lock")
class PatientBookingLock {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "patient_id", length = 36)
    UUID patientId;
}
