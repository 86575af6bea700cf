package org.clinicbooking.scheduling.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A period a doctor is away and takes no patient bookings. */
@Entity
@Table(name = "time_off")
public class TimeOff {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "doctor_id", nullable = false, length = 36)
    private UUID doctorId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    @Column(length = 500)
    private String reason;

    protected TimeOff() {}

    public TimeOff(UUID doctorId, TimeOffPeriod period) {
        this.id = UUID.randomUUID();
        this.doctorId = doctorId;
        this.startAt = period.startAt();
        this.endAt = period.endAt();
        this.reason = period.reason();
    }

    public TimeOffPeriod period() {
        return new TimeOffPeriod(startAt, endAt, reason);
    }

    public TimeRange range() {
        return new TimeRange(startAt, endAt);
    }
}
