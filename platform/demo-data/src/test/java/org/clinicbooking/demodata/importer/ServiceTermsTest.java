package org.clinicbooking.demodata.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTermsTest {

    @Test
    void durationIsMedianRoundedToQuarterHour() {
        List<Duration> lengths = List.of(minutes(15), minutes(38), minutes(44), minutes(51), minutes(3000));

        assertThat(ServiceTerms.durationMinutes(lengths)).isEqualTo(45);
        assertThat(ServiceTerms.capped(lengths)).isFalse();
    }

    @Test
    void durationIsAtLeastOneSlot() {
        assertThat(ServiceTerms.durationMinutes(List.of(minutes(0), minutes(5))))
                .isEqualTo(15);
    }

    @Test
    void durationIsCappedAtWorkingDay() {
        List<Duration> lengths = List.of(minutes(7200), minutes(9000));

        assertThat(ServiceTerms.durationMinutes(lengths)).isEqualTo(480);
        assertThat(ServiceTerms.capped(lengths)).isTrue();
    }

    @Test
    void priceIsMedianBaseCostInCents() {
        List<BigDecimal> costs = List.of(new BigDecimal("85.55"), new BigDecimal("75.00"), new BigDecimal("87.71"));

        assertThat(ServiceTerms.price(costs)).isEqualByComparingTo("85.55").hasScaleOf(2);
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
