package org.clinicbooking.demodata.synthea;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A row of encounters.csv: one visit of a patient to a provider, which becomes an appointment.
 * {@code code} is a SNOMED CT code, and the costs are in US dollars.
 */
public record SyntheaEncounter(
        String id,
        Instant start,
        Instant stop,
        String patientId,
        String organizationId,
        String providerId,
        String encounterClass,
        String code,
        String description,
        BigDecimal baseEncounterCost,
        BigDecimal totalClaimCost,
        BigDecimal payerCoverage,
        String reasonDescription) {

    public Duration length() {
        return stop == null ? Duration.ZERO : Duration.between(start, stop);
    }

    static SyntheaEncounter of(CsvTable.Row row) {
        return new SyntheaEncounter(
                row.required("Id"),
                row.instant("START"),
                row.optionalInstant("STOP"),
                row.required("PATIENT"),
                row.required("ORGANIZATION"),
                row.required("PROVIDER"),
                row.text("ENCOUNTERCLASS"),
                row.required("CODE"),
                row.required("DESCRIPTION"),
                row.decimal("BASE_ENCOUNTER_COST"),
                row.decimal("TOTAL_CLAIM_COST"),
                row.decimal("PAYER_COVERAGE"),
                row.text("REASONDESCRIPTION"));
    }
}
