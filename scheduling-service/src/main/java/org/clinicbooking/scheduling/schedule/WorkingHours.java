package org.clinicbooking.scheduling.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One weekly working interval of a doctor, stored in the clinic's local time. */
@Entity
@Table(name = "working_hours")
public class WorkingHours {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "doctor_id", nullable = false, length = 36)
    private UUID doctorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false, length = 9)
    private DayOfWeek dayOfWeek;

    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    private LocalTime endTime;

    protected WorkingHours() {}

    public WorkingHours(UUID doctorId, WorkingInterval interval) {
        this.id = UUID.randomUUID();
        this.doctorId = doctorId;
        this.dayOfWeek = interval.dayOfWeek();
        this.startTime = interval.start();
        this.endTime = interval.end();
    }

    public WorkingInterval interval() {
        return new WorkingInterval(dayOfWeek, startTime, endTime);
    }
}
