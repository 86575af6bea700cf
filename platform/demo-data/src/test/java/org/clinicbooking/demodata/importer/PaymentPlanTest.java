package org.clinicbooking.demodata.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.clinicbooking.demodata.synthea.SyntheaEncounter;
import org.junit.jupiter.api.Test;

class PaymentPlanTest {

    private static final BigDecimal PRICE = new BigDecimal("85.55");

    @Test
    void payerShareBecomesInsuranceAndRestPatientPayment() {
        List<PaymentPlan.Part> parts = PaymentPlan.of(encounter("enc-1", "1714.89", "1664.89"), PRICE);

        assertThat(parts)
                .extracting(PaymentPlan.Part::method)
                .containsExactly("INSURANCE", PaymentPlan.patientMethod("enc-1"));
        assertThat(parts.get(0).amount()).isEqualByComparingTo("83.06");
        assertThat(parts.get(1).amount()).isEqualByComparingTo("2.49");
        assertThat(parts.stream().map(PaymentPlan.Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(PRICE);
    }

    @Test
    void uncoveredEncounterIsOnePatientPayment() {
        List<PaymentPlan.Part> parts = PaymentPlan.of(encounter("enc-2", "778.78", "0.00"), PRICE);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).method()).isIn("CARD", "CASH");
        assertThat(parts.get(0).amount()).isEqualByComparingTo(PRICE);
    }

    @Test
    void fullyCoveredEncounterIsOneInsurancePayment() {
        List<PaymentPlan.Part> parts = PaymentPlan.of(encounter("enc-3", "100.00", "100.00"), PRICE);

        assertThat(parts).extracting(PaymentPlan.Part::method).containsExactly("INSURANCE");
    }

    @Test
    void zeroClaimCostCountsAsUncovered() {
        assertThat(PaymentPlan.coveredShare(encounter("enc-4", "0", "10.00"))).isEqualByComparingTo("0");
    }

    @Test
    void zeroPriceNeedsNoPayment() {
        assertThat(PaymentPlan.of(encounter("enc-5", "100.00", "50.00"), new BigDecimal("0.00")))
                .isEmpty();
    }

    @Test
    void idempotencyKeysNameEncounterAndPart() {
        List<PaymentPlan.Part> parts = PaymentPlan.of(encounter("enc-6", "100.00", "50.00"), PRICE);

        assertThat(parts)
                .extracting(PaymentPlan.Part::idempotencyKey)
                .containsExactly("synthea-encounter-enc-6-insurance", "synthea-encounter-enc-6-patient");
    }

    private static SyntheaEncounter encounter(String id, String totalClaimCost, String payerCoverage) {
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        return new SyntheaEncounter(
                id,
                start,
                start.plusSeconds(900),
                "patient",
                "organization",
                "provider",
                "ambulatory",
                "185347001",
                "Encounter for problem",
                PRICE,
                new BigDecimal(totalClaimCost),
                new BigDecimal(payerCoverage),
                "");
    }
}
