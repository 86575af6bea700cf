package org.clinicbooking.demodata.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.clinicbooking.demodata.synthea.SyntheaMedication;
import org.junit.jupiter.api.Test;

class PrescriptionDraftTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void dosageListsStrengthsOfDescription() {
        assertThat(PrescriptionDraft.dosage("Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet"))
                .isEqualTo("325 MG / 5 MG");
        assertThat(PrescriptionDraft.dosage("Vitamin B12 5 MG/ML Injectable Solution"))
                .isEqualTo("5 MG/ML");
        assertThat(PrescriptionDraft.dosage("Hydrocortisone Cream")).isEqualTo("As labelled");
    }

    @Test
    void durationRoundsUpToWholeDays() {
        assertThat(PrescriptionDraft.durationDays(medication(START.plusSeconds(36 * 3600), "310325")))
                .isEqualTo(2);
        assertThat(PrescriptionDraft.durationDays(medication(START.plusSeconds(60), "310325")))
                .isEqualTo(1);
    }

    @Test
    void durationIsAtMostOneYear() {
        assertThat(PrescriptionDraft.durationDays(medication(START.plusSeconds(800L * 86400), "310325")))
                .isEqualTo(365);
    }

    @Test
    void ongoingMedicationGetsMonthOfSupply() {
        Map<String, Object> request = PrescriptionDraft.request(UUID.randomUUID(), medication(null, "310325"));

        assertThat(request)
                .containsEntry("durationDays", 30)
                .containsEntry("frequency", "As directed")
                .containsEntry("rxNormCode", "310325");
        assertThat((String) request.get("instructions")).startsWith("For Anemia (disorder).");
    }

    @Test
    void codeWithLettersIsLeftOut() {
        Map<String, Object> request = PrescriptionDraft.request(UUID.randomUUID(), medication(null, "NDA020800"));

        assertThat(request).doesNotContainKey("rxNormCode");
    }

    private static SyntheaMedication medication(Instant stop, String code) {
        return new SyntheaMedication(
                START,
                stop,
                "patient",
                "encounter",
                code,
                "ferrous sulfate 325 MG Oral Tablet",
                1,
                "Anemia (disorder)");
    }
}
