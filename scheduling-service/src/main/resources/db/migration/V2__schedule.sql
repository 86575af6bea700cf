-- A doctor's weekly working hours, in the clinic's local time.
CREATE TABLE working_hours (
    id          CHAR(36)    NOT NULL,
    doctor_id   CHAR(36)    NOT NULL,
    day_of_week VARCHAR(9)  NOT NULL,
    start_time  TIME        NOT NULL,
    end_time    TIME        NOT NULL,
    CONSTRAINT pk_working_hours PRIMARY KEY (id),
    CONSTRAINT fk_working_hours_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT uq_working_hours_start UNIQUE (doctor_id, day_of_week, start_time),
    CONSTRAINT ck_working_hours_day CHECK (day_of_week IN
        ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    CONSTRAINT ck_working_hours_order CHECK (start_time < end_time)
) ENGINE = InnoDB;

-- Periods a doctor is away, as UTC instants.
CREATE TABLE time_off (
    id        CHAR(36)     NOT NULL,
    doctor_id CHAR(36)     NOT NULL,
    start_at  DATETIME(6)  NOT NULL,
    end_at    DATETIME(6)  NOT NULL,
    reason    VARCHAR(500) NULL,
    CONSTRAINT pk_time_off PRIMARY KEY (id),
    CONSTRAINT fk_time_off_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT ck_time_off_order CHECK (end_at > start_at)
) ENGINE = InnoDB;

CREATE INDEX ix_time_off_doctor_time ON time_off (doctor_id, start_at, end_at);
