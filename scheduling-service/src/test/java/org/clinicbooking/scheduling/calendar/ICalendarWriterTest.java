package org.clinicbooking.scheduling.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ICalendarWriterTest {

    @Test
    void shouldFoldLongLinesAt75Octets() {
        StringBuilder out = new StringBuilder();
        String value = "X-NOTE:" + "a".repeat(200);

        ICalendarWriter.line(out, value);

        String[] lines = out.toString().split("\r\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).hasSize(75);
        assertThat(lines[1]).startsWith(" ").hasSize(75);
        assertThat(lines[3]).isEmpty();
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo(value + "\r\n");
    }

    @Test
    void shouldNotSplitMultiByteCharacters() {
        StringBuilder out = new StringBuilder();
        String value = "X-NOTE:" + "é".repeat(100);

        ICalendarWriter.line(out, value);

        for (String line : out.toString().split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line.replace(" ", "").replace("X-NOTE:", "")).matches("é*");
        }
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo(value + "\r\n");
    }

    @Test
    void shouldEscapeTextValues() {
        assertThat(ICalendarWriter.text("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
    }
}
