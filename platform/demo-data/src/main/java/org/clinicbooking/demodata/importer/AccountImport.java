package org.clinicbooking.demodata.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clinicbooking.demodata.api.ApiProblem;
import org.clinicbooking.demodata.api.ApiResponse;
import org.clinicbooking.demodata.api.Session;

/** Registers users through {@code POST /api/users}, or finds the ones an earlier run registered. */
final class AccountImport {

    private final ImportContext context;
    private final Session registrar;
    private final String kind;
    private final Map<String, UUID> existingByEmail = new HashMap<>();

    /**
     * @param registrar the login that registers the users: the admin for doctors, staff for patients
     * @param role the role to register and to look up existing users by
     */
    AccountImport(ImportContext context, Session registrar, String kind, String role) {
        this.context = context;
        this.registrar = registrar;
        this.kind = kind;
        List<JsonNode> users = context.gateway().listAll("/api/users?role=" + role, registrar);
        for (JsonNode user : users) {
            existingByEmail.put(
                    user.path("email").asText().toLowerCase(Locale.ROOT),
                    UUID.fromString(user.path("id").asText()));
        }
    }

    /**
     * Returns the user with REQUEST's email: found among the existing ones, or registered now with
     * a random password that REQUEST must not hold yet. Empty when the API rejected it.
     */
    Optional<Account> ensure(Map<String, Object> request) {
        String email = (String) request.get("email");
        UUID found = existingByEmail.get(email.toLowerCase(Locale.ROOT));
        if (found != null) {
            context.report().existing(kind);
            return Optional.of(new Account(found, email, null));
        }

        String password = DemoIdentities.randomPassword();
        Map<String, Object> withPassword = new HashMap<>(request);
        withPassword.put("password", password);
        ApiResponse response = context.gateway().post("/api/users", withPassword, registrar);
        if (response.successful()) {
            context.report().created(kind);
            return Optional.of(
                    new Account(UUID.fromString(response.body().path("id").asText()), email, password));
        }
        ApiProblem problem = response.problem();
        if (problem.isDuplicate()) {
            // Registered between the listing and now, by another run or person.
            return lookUp(email);
        }
        context.report().rejected(kind, problem);
        return Optional.empty();
    }

    private Optional<Account> lookUp(String email) {
        String query = "/api/users?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        List<JsonNode> users = context.gateway().listAll(query, registrar);
        if (users.isEmpty()) {
            context.report().skipped(kind, "email taken but not found by GET /api/users?email=");
            return Optional.empty();
        }
        context.report().existing(kind);
        return Optional.of(new Account(UUID.fromString(users.get(0).path("id").asText()), email, null));
    }
}
