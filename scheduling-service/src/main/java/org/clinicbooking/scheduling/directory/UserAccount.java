package org.clinicbooking.scheduling.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.clinicbooking.kit.security.Role;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user as scheduling's read model stores it: role and active flag, enough to tell an existing patient. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean active;

    protected UserAccount() {}

    public UserAccount(UUID id, Role role, boolean active) {
        if (id == null || role == null) {
            throw new IllegalArgumentException("a user needs an id and a role");
        }
        this.id = id;
        this.role = role;
        this.active = active;
    }

    public UUID id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public boolean active() {
        return active;
    }

    public boolean isActivePatient() {
        return active && role == Role.PATIENT;
    }
}
