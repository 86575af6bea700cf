package org.clinicbooking.clinical.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.clinicbooking.clinical.appointment.AppointmentSnapshot;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A patient's rating of a completed appointment. One per appointment, never changed. */
@Entity
@Table(name = "review")
public class Review {

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

    @Column(nullable = false)
    private int rating;

    @Column(length = 2000)
    private String comment;

    @Column(name = "show_name", nullable = false)
    private boolean showName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Review() {}

    public Review(AppointmentSnapshot appointment, PostReviewRequest request, Instant now) {
        this.id = UUID.randomUUID();
        this.appointmentId = appointment.id();
        this.doctorId = appointment.doctorId();
        this.patientId = appointment.patientId();
        this.rating = request.rating();
        this.comment = request.comment() == null || request.comment().isBlank()
                ? null
                : request.comment().strip();
        this.showName = Boolean.TRUE.equals(request.showName());
        this.createdAt = now;
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

    public int rating() {
        return rating;
    }

    public String comment() {
        return comment;
    }

    public boolean showName() {
        return showName;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
