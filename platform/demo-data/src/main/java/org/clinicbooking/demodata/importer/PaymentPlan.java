package org.clinicbooking.demodata.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.clinicbooking.demodata.synthea.SyntheaEncounter;

/**
 * Splits an appointment's price into payments the way Synthea split the encounter's claim: the
 * payer's share as INSURANCE and the rest as CARD or CASH.
 *
 * <p>The appointment's price is the medical service's price, not the encounter's own claim
 * cost, and the API rejects payments above the price. So the split keeps Synthea's proportion
 * ({@code PAYER_COVERAGE / TOTAL_CLAIM_COST}), not its amounts.
 */
final class PaymentPlan {

    /** One payment to record; {@code idempotencyKey} makes a repeated request record nothing new. */
    record Part(String method, BigDecimal amount, String idempotencyKey, String externalReference) {}

    private PaymentPlan() {}

    static List<Part> of(SyntheaEncounter encounter, BigDecimal price) {
        BigDecimal insured = price.multiply(coveredShare(encounter)).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal rest = price.subtract(insured);
        String reference = "synthea-encounter-" + encounter.id();

        List<Part> parts = new ArrayList<>();
        if (insured.signum() > 0) {
            parts.add(new Part("INSURANCE", insured, reference + "-insurance", reference));
        }
        if (rest.signum() > 0) {
            parts.add(new Part(patientMethod(encounter.id()), rest, reference + "-patient", reference));
        }
        return parts;
    }

    /** Returns the payer's share of the claim, between 0 and 1. */
    static BigDecimal coveredShare(SyntheaEncounter encounter) {
        if (encounter.totalClaimCost().signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal share = encounter.payerCoverage().divide(encounter.totalClaimCost(), 6, RoundingMode.HALF_EVEN);
        return share.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    /**
     * Returns CARD for three in four encounters and CASH for the rest. Synthea does not say how
     * a patient paid, so the choice comes from the encounter id and stays the same on every run.
     */
    static String patientMethod(String encounterId) {
        return Math.floorMod(encounterId.hashCode(), 4) == 0 ? "CASH" : "CARD";
    }
}
