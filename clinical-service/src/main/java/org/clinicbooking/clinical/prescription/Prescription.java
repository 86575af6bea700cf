package org.clinicbooking.clinical.prescription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.clinicbooking.clinical.appointment.AppointmentSnapshot;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A medication a doctor prescribed at an appointment. Never changed once issued. */
@Entity
@Table(name = "prescription")
public class Prescription {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "appointment_id", nullable = false, length = 36)
    private UUID appointmentId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "doctor_id", nullable = false, length = 36)
    private UUID doctorId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "patient_id", nullable = false, length = 36)
    private UUID patientId;

    @Column(nullable = false, length = 200)
    private String medication;

    @Column(name = "rx_norm_code", length = 20)
    private String rxNormCode;

    @Column(nullable = false, length = 100)
    private String dosage;

    @Column(nullable = false, length = 100)
    private String frequency;

    @Column(name = "duration_days", nullable = false)
    private int durationDays;

    @Column(length = 2000)
    private String instructions;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    protected Prescription() {}

    public Prescription(AppointmentSnapshot appointment, IssuePrescriptionRequest request, Instant now) {
        this.id = UUID.randomUUID();
        this.appointmentId = appointment.id();
        this.doctorId = appointment.doctorId();
        this.patientId = appointment.patientId();
        this.medication = request.medication().strip();
        this.rxNormCode = request.rxNormCode();
        this.dosage = request.dosage().strip();
        this.frequency = request.frequency().strip();
        this.durationDays = request.durationDays();
        this.instructions = blankToNull(request.instructions());
        this.issuedAt = now;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public UUID id() {
        return id;
    }

    public UUID appointmentId() {
        return appointmentId;
    }

    public UUID doctorId() {
        return doctorId;
    }

    public UUID patientId() {
        return patientId;
    }

    public String medication() {
        return medication;
    }

    public String rxNormCode() {
        return rxNormCode;
    }

    public String dosage() {
        return dosage;
    }

    public String frequency() {
        return frequency;
    }

    public int durationDays() {
        return durationDays;
    }

    public String instructions() {
        return instructions;
    }

    public Instant issuedAt() {
        return issuedAt;
    }
}
