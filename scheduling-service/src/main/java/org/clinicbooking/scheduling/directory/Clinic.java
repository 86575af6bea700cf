package org.clinicbooking.scheduling.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A clinic as scheduling's read model stores it: its time zone, in which working hours are kept. */
@Entity
@Table(name = "clinic")
public class Clinic {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    protected Clinic() {}

    /** Throws IllegalArgumentException when the time zone is not an IANA zone id in this JVM's time-zone database. */
    public Clinic(UUID id, String timeZone) {
        if (id == null || timeZone == null) {
            throw new IllegalArgumentException("a clinic needs an id and a time zone");
        }
        try {
            ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("time zone " + timeZone + " is not a known IANA zone id");
        }
        this.id = id;
        this.timeZone = timeZone;
    }

    public String timeZone() {
        return timeZone;
    }

    public UUID id() {
        return id;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
