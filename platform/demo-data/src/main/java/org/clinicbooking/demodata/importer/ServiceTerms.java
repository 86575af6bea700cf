package org.clinicbooking.demodata.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Derives a medical service's duration and price from the Synthea encounters of one code. */
final class ServiceTerms {

    /** Appointments are planned in quarter hours. */
    static final int SLOT_MINUTES = 15;

    /** The maximum duration the API accepts for a medical service (a working day). */
    static final int MAX_DURATION_MINUTES = 480;

    private ServiceTerms() {}

    /**
     * Returns the median encounter length rounded to the nearest 15 minutes, at least 15 and at
     * most 480. The median keeps a few multi-day inpatient stays from stretching a visit type.
     */
    static int durationMinutes(Collection<Duration> lengths) {
        long median = median(lengths.stream().map(Duration::toMinutes).sorted().toList());
        long rounded = Math.round(median / (double) SLOT_MINUTES) * SLOT_MINUTES;
        return (int) Math.min(MAX_DURATION_MINUTES, Math.max(SLOT_MINUTES, rounded));
    }

    /** Returns whether the median length exceeds the API's maximum, so that the duration is capped. */
    static boolean capped(Collection<Duration> lengths) {
        return median(lengths.stream().map(Duration::toMinutes).sorted().toList()) > MAX_DURATION_MINUTES;
    }

    /** Returns the median base encounter cost, in US dollars with two decimals. */
    static BigDecimal price(Collection<BigDecimal> baseCosts) {
        List<BigDecimal> sorted = baseCosts.stream().sorted().toList();
        return sorted.get(sorted.size() / 2).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static long median(List<Long> sortedValues) {
        if (sortedValues.isEmpty()) {
            throw new IllegalArgumentException("no encounter lengths");
        }
        return sortedValues.get(sortedValues.size() / 2);
    }
}
