package org.clinicbooking.user.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.clinicbooking.kit.security.Role;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person who signs in: patient, doctor, staff member or admin. Never deleted, only deactivated. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "email_key", nullable = false, length = 254)
    private String emailKey;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(length = 32)
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected User() {}

    public User(
            String email,
            String passwordHash,
            String fullName,
            String phone,
            Role role,
            LocalDate dateOfBirth,
            Instant now) {
        this.id = UUID.randomUUID();
        changeEmail(email);
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.phone = phone;
        this.role = role;
        this.dateOfBirth = dateOfBirth;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The key emails are unique by: lower case, so "Ann@X.org" and "ann@x.org" are one account. */
    public static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private void changeEmail(String newEmail) {
        this.email = newEmail.trim();
        this.emailKey = emailKey(newEmail);
    }

    /** Replaces name, phone and date of birth; returns whether any of them changed. */
    public boolean updateProfile(String newFullName, String newPhone, LocalDate newDateOfBirth, Instant now) {
        String trimmedName = newFullName.trim();
        if (trimmedName.equals(fullName)
                && Objects.equals(newPhone, phone)
                && Objects.equals(newDateOfBirth, dateOfBirth)) {
            return false;
        }
        this.fullName = trimmedName;
        this.phone = newPhone;
        this.dateOfBirth = newDateOfBirth;
        this.updatedAt = now;
        return true;
    }

    /** Whether {@code candidate} differs from the stored email, letter case included. */
    public boolean emailDiffers(String candidate) {
        return !candidate.trim().equals(email);
    }

    public void changeEmail(String newEmail, Instant now) {
        changeEmail(newEmail);
        this.updatedAt = now;
    }

    /** Replaces the password hash and lifts a login lock, as when credentials are set from configuration. */
    public void resetPassword(String newPasswordHash, Instant now) {
        this.passwordHash = newPasswordHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    public void changeRole(Role newRole, Instant now) {
        this.role = newRole;
        this.updatedAt = now;
    }

    /** Marks the user inactive, so they can no longer log in; returns false if they already were. */
    public boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        this.active = false;
        this.updatedAt = now;
        return true;
    }

    /** Counts a failed login and locks the account for a while once the limit is reached. */
    public void recordFailedLogin(int limit, java.time.Duration lockFor, Instant now) {
        failedLogins++;
        if (failedLogins >= limit) {
            lockedUntil = now.plus(lockFor);
            failedLogins = 0;
        }
    }

    public void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String fullName() {
        return fullName;
    }

    public String phone() {
        return phone;
    }

    public Role role() {
        return role;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
