package org.clinicbooking.demodata.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.clinicbooking.demodata.api.ApiRejection;
import org.clinicbooking.demodata.synthea.SyntheaOrganization;

/**
 * Creates a clinic for every Synthea organization. Clinic names are not unique in the API, so
 * an existing clinic is recognised by its name, address and city.
 */
final class ClinicImport {

    static final String KIND = "clinic";

    private final ImportContext context;

    ClinicImport(ImportContext context) {
        this.context = context;
    }

    /** Returns the clinic id of each organization id that has a clinic now. */
    Map<String, UUID> run(List<SyntheaOrganization> organizations, ZoneId timeZone) {
        Map<String, UUID> existing = new HashMap<>();
        for (JsonNode clinic : context.gateway().listAll("/api/clinics", context.admin())) {
            existing.put(
                    key(
                            clinic.path("name").asText(),
                            clinic.path("address").asText(),
                            clinic.path("city").asText()),
                    UUID.fromString(clinic.path("id").asText()));
        }

        Map<String, UUID> clinicIds = new ConcurrentHashMap<>();
        context.workers().forEach(organizations, organization -> {
            UUID found = existing.get(key(organization.name(), organization.address(), organization.city()));
            if (found != null) {
                context.report().existing(KIND);
                clinicIds.put(organization.id(), found);
                return;
            }
            create(organization, timeZone).ifPresent(id -> clinicIds.put(organization.id(), id));
        });
        return clinicIds;
    }

    private Optional<UUID> create(SyntheaOrganization organization, ZoneId timeZone) {
        Optional<String> phone = DemoIdentities.usPhoneNumber(organization.phone());
        if (phone.isEmpty()) {
            context.report().skipped(KIND, "organization has no valid phone number");
            return Optional.empty();
        }
        if (organization.address().isBlank() || organization.city().isBlank()) {
            context.report().skipped(KIND, "organization has no address or city");
            return Optional.empty();
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", organization.name());
        request.put("address", organization.address());
        request.put("city", organization.city());
        request.put("phone", phone.get());
        request.put("timeZone", timeZone.getId());
        try {
            JsonNode clinic = context.gateway()
                    .post("/api/clinics", request, context.admin())
                    .bodyOrThrow();
            context.report().created(KIND);
            return Optional.of(UUID.fromString(clinic.path("id").asText()));
        } catch (ApiRejection e) {
            context.report().rejected(KIND, e.problem());
            return Optional.empty();
        }
    }

    private static String key(String name, String address, String city) {
        return String.join("|", normalize(name), normalize(address), normalize(city));
    }

    private static String normalize(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
