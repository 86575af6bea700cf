-- No medical service, and so no appointment, lasts longer than 480 minutes (user-service accepts
-- no longer service). The queries for overlapping appointments rely on this bound to scan only
-- the index entries near a time range.
ALTER TABLE medical_service
    ADD CONSTRAINT ck_medical_service_longest CHECK (duration_minutes <= 480);

ALTER TABLE appointment
    ADD CONSTRAINT ck_appointment_longest CHECK (end_at <= start_at + INTERVAL 480 MINUTE);
