package org.clinicbooking.demodata.importer;

import java.util.UUID;

/**
 * A user the import created or found. {@code password} is null for a user that an earlier run
 * created, because passwords are random per run and stored nowhere.
 */
record Account(UUID userId, String email, String password) {

    boolean canLogIn() {
        return password != null;
    }
}
