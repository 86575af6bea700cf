package org.clinicbooking.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.clinicbooking.systemtests.support.Http;
import org.clinicbooking.systemtests.support.Reply;
import org.clinicbooking.systemtests.support.Traffic;

/**
 * The requests one security test class sent, kept for its report section, and the checks that
 * every refusal must pass: the expected status, an RFC 9457 problem document, and no trace of
 * the server's internals.
 */
final class Exchanges {

    /** Text that only a stack trace or a leaked exception would put in a body. */
    static final List<String> INTERNALS =
            List.of("at org.", "at io.", "at java.", "Exception", "\tat ", "org.hibernate", "io.vertx", "SQLState");

    private static final String PROBLEM_TYPE_BASE = "https://clinic-booking.org/problems/";

    private final List<Reply> replies = Collections.synchronizedList(new ArrayList<>());

    /** Sends CALL, keeps its reply and returns it. */
    Reply send(Http.Call call) {
        return keep(call.send());
    }

    /** Keeps REPLY, received through a helper such as Practice's, and returns it. */
    Reply keep(Reply reply) {
        replies.add(reply);
        return reply;
    }

    int count() {
        return replies.size();
    }

    Map<Integer, Integer> statuses() {
        synchronized (replies) {
            return Traffic.statuses(new ArrayList<>(replies));
        }
    }

    long serverErrors() {
        synchronized (replies) {
            return Traffic.serverErrors(new ArrayList<>(replies));
        }
    }

    /** Fails unless REPLY is a problem document with one of STATUSES and no server internals. */
    static Reply assertProblem(Reply reply, Integer... statuses) {
        assertThat(reply.status()).as(reply.describe()).isIn(Arrays.asList(statuses));
        assertThat(reply.contentType())
                .as("content type of " + reply.describe())
                .startsWith("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.path("status").asInt())
                .as("status member of " + reply.describe())
                .isEqualTo(reply.status());
        assertThat(body.path("type").asText()).as("type of " + reply.describe()).startsWith(PROBLEM_TYPE_BASE);
        assertThat(body.path("title").asText())
                .as("title of " + reply.describe())
                .isNotBlank();
        assertNoInternals(reply);
        return reply;
    }

    /** Fails when REPLY's body contains a stack trace, an exception name or a SQL state. */
    static void assertNoInternals(Reply reply) {
        String text = reply.text();
        for (String marker : INTERNALS) {
            assertThat(text).as("body of " + reply.describe()).doesNotContain(marker);
        }
    }
}
