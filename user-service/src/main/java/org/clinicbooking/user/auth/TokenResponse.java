package org.clinicbooking.user.auth;

import java.util.UUID;
import org.clinicbooking.kit.security.Role;

/** A signed access token, with the facts a client needs to use it. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, UUID userId, Role role) {}
