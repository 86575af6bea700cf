package org.clinicbooking.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.clinicbooking.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

class InputFormatsTest {

    @Test
    void instantOutsideDatabaseRangeRejected() {
        // Parsed fine by java.time, but an appointment ending after it overflowed LocalDateTime (a 500).
        assertThatThrownBy(() -> InputFormats.instantWithOffset("startAt", "+999999999-12-31T23:59:59Z"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("startAt");
        assertThatThrownBy(() -> InputFormats.instantWithOffset("startAt", "9999-12-31T23:45:00Z"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> InputFormats.instantWithOffset("from", "1899-12-31T23:59:59Z"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void instantInsideRangeAccepted() {
        assertThat(InputFormats.instantWithOffset("startAt", "2030-03-01T09:00:00+03:00"))
                .isEqualTo(Instant.parse("2030-03-01T06:00:00Z"));
        assertThat(InputFormats.instantWithOffset("startAt", "9998-12-31T23:59:59Z"))
                .isEqualTo(InputFormats.LATEST);
    }
}
