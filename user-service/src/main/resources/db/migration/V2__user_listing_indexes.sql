-- GET /api/users filters by role and active, or by active alone, and sorts by created_at.
-- ix_app_user_role_active (V1) serves the role filter; this one serves the active filter.
-- The email filter is an exact match on email_key, served by uq_app_user_email_key.
CREATE INDEX ix_app_user_active_created ON app_user (active, created_at);
CREATE INDEX ix_app_user_created ON app_user (created_at);
