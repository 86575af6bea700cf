package org.clinicbooking.user.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicbooking.testkit.EventProbe;

/** Assertions on the events a test's own action published. */
public final class Events {

    /** Long enough for several relay polls (0.1 s in the test profile) after the first record arrived. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private Events() {}

    /**
     * Waits for the event, then keeps polling a while to prove it arrived exactly once, and
     * checks that it holds no password and no bcrypt hash.
     */
    public static ConsumerRecord<String, String> exactlyOne(EventProbe probe, String type, String subject) {
        List<ConsumerRecord<String, String>> first = probe.awaitEvents(type, subject, 1);
        assertThat(first).as("%s for %s", type, subject).isNotEmpty();
        List<ConsumerRecord<String, String>> all = probe.settle(
                record -> type.equals(EventProbe.header(record, "ce_type")) && subject.equals(record.key()), QUIET);
        assertThat(all).as("%s for %s", type, subject).hasSize(1);
        ConsumerRecord<String, String> event = all.get(0);
        assertThat(event.value()).doesNotContain("password").doesNotContainPattern("\\$2[aby]\\$");
        assertThat(EventProbe.header(event, "ce_subject")).isEqualTo(subject);
        return event;
    }

    /** Polls a while and returns the events of this type about this subject; for "none published" checks. */
    public static List<ConsumerRecord<String, String>> settled(EventProbe probe, String type, String subject) {
        return probe.settle(
                record -> type.equals(EventProbe.header(record, "ce_type")) && subject.equals(record.key()),
                QUIET.plusSeconds(1));
    }
}
