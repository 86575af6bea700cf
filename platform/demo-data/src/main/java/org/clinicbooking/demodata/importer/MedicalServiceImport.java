package org.clinicbooking.demodata.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.clinicbooking.demodata.api.ApiRejection;
import org.clinicbooking.demodata.synthea.SyntheaEncounter;

/**
 * Creates one medical service per encounter code (SNOMED CT), named after the encounter's
 * description, with the median length and base cost of that code's encounters.
 */
final class MedicalServiceImport {

    static final String KIND = "medical service";
    static final String CURRENCY = "USD";

    private final ImportContext context;

    MedicalServiceImport(ImportContext context) {
        this.context = context;
    }

    /** Returns the service of each encounter code that has one now. */
    Map<String, ImportedService> run(List<SyntheaEncounter> encounters) {
        Map<String, ImportedService> existing = new HashMap<>();
        for (JsonNode service : context.gateway().listAll("/api/medical-services", context.admin())) {
            ImportedService found = new ImportedService(
                    UUID.fromString(service.path("id").asText()),
                    service.path("code").asText(),
                    service.path("durationMinutes").asInt());
            existing.put(found.code(), found);
        }

        Map<String, List<SyntheaEncounter>> byCode =
                new TreeMap<>(encounters.stream().collect(Collectors.groupingBy(SyntheaEncounter::code)));
        Map<String, ImportedService> services = new ConcurrentHashMap<>();
        context.workers().forEach(byCode.entrySet(), entry -> {
            String code = serviceCode(entry.getKey());
            ImportedService found = existing.get(code);
            if (found != null) {
                context.report().existing(KIND);
                services.put(entry.getKey(), found);
                return;
            }
            create(entry.getKey(), entry.getValue()).ifPresent(service -> services.put(entry.getKey(), service));
        });
        return services;
    }

    static String serviceCode(String snomedCode) {
        return "SCT-" + snomedCode;
    }

    private Optional<ImportedService> create(String snomedCode, List<SyntheaEncounter> encounters) {
        List<Duration> lengths =
                encounters.stream().map(SyntheaEncounter::length).toList();
        List<BigDecimal> costs =
                encounters.stream().map(SyntheaEncounter::baseEncounterCost).toList();
        int duration = ServiceTerms.durationMinutes(lengths);
        SyntheaEncounter typical = mostCommonDescription(encounters);

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("code", serviceCode(snomedCode));
        request.put("name", truncate(withoutSemanticTag(typical.description()), 200));
        request.put("description", description(snomedCode, typical, encounters.size(), ServiceTerms.capped(lengths)));
        request.put("durationMinutes", duration);
        request.put("price", ServiceTerms.price(costs).toPlainString());
        request.put("currency", CURRENCY);
        try {
            JsonNode service = context.gateway()
                    .post("/api/medical-services", request, context.admin())
                    .bodyOrThrow();
            context.report().created(KIND);
            return Optional.of(new ImportedService(
                    UUID.fromString(service.path("id").asText()), serviceCode(snomedCode), duration));
        } catch (ApiRejection e) {
            context.report().rejected(KIND, e.problem());
            return Optional.empty();
        }
    }

    private static String description(String snomedCode, SyntheaEncounter typical, int count, boolean capped) {
        String text = "SNOMED CT " + snomedCode + ", " + typical.encounterClass() + " encounter. Duration and price are"
                + " the median of " + count + " Synthea encounters";
        return capped
                ? text + "; the duration is capped at " + ServiceTerms.MAX_DURATION_MINUTES + " minutes."
                : text + ".";
    }

    private static SyntheaEncounter mostCommonDescription(List<SyntheaEncounter> encounters) {
        Map<String, Long> counts = encounters.stream()
                .collect(Collectors.groupingBy(SyntheaEncounter::description, Collectors.counting()));
        String description = counts.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElseThrow();
        return encounters.stream()
                .filter(encounter -> encounter.description().equals(description))
                .min(Comparator.comparing(SyntheaEncounter::id))
                .orElseThrow();
    }

    /** Drops the SNOMED CT semantic tag, as in "Well child visit (procedure)". */
    static String withoutSemanticTag(String description) {
        return description.replaceFirst("\\s*\\((procedure|environment|finding|regime/therapy)\\)$", "");
    }

    private static String truncate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }
}
