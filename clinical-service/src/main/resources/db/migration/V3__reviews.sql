CREATE TABLE review (
    id             CHAR(36)      NOT NULL,
    appointment_id CHAR(36)      NOT NULL,
    doctor_id      CHAR(36)      NOT NULL,
    patient_id     CHAR(36)      NOT NULL,
    rating         INT           NOT NULL,
    comment        VARCHAR(2000) NULL,
    -- Whether the public listing may show who wrote the review.
    show_name      BOOLEAN       NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    CONSTRAINT pk_review PRIMARY KEY (id),
    -- One review per appointment; concurrent posts for one appointment meet here.
    CONSTRAINT uq_review_appointment_id UNIQUE (appointment_id),
    CONSTRAINT fk_review_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT ck_review_rating CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT ck_review_comment_length CHECK (CHAR_LENGTH(comment) <= 2000)
) ENGINE = InnoDB;

-- A doctor's reviews, newest first.
CREATE INDEX ix_review_doctor_created ON review (doctor_id, created_at, id);

-- Running totals of each doctor's ratings, updated in the transaction that stores a review,
-- so reading a rating never scans the reviews.
CREATE TABLE doctor_rating (
    doctor_id    CHAR(36)    NOT NULL,
    review_count INT         NOT NULL,
    rating_total BIGINT      NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    CONSTRAINT pk_doctor_rating PRIMARY KEY (doctor_id),
    CONSTRAINT ck_doctor_rating_count CHECK (review_count >= 0),
    -- Every rating is 1 to 5, so the total lies between count and 5 * count.
    CONSTRAINT ck_doctor_rating_total CHECK (rating_total BETWEEN review_count AND 5 * review_count)
) ENGINE = InnoDB;
