package org.clinicbooking.user.support;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.function.IntFunction;
import org.clinicbooking.testkit.Simultaneously;

/** Sends requests that start at the same moment, each from a thread of its own, to exercise races. */
public final class Simultaneous {

    private Simultaneous() {}

    /** The status and body a client saw. */
    public record Reply(int status, String body) {

        /** Returns the last segment of a problem document's {@code type}, such as {@code concurrent-update}. */
        public String problemType() {
            String type = JsonPath.from(body).getString("type");
            return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
        }
    }

    /**
     * Sends {@code count} requests released together and returns their replies in request order.
     * {@code request} sends the i-th request with rest-assured.
     */
    public static List<Reply> send(int count, IntFunction<Response> request) throws Exception {
        return Simultaneously.run(count, index -> {
            Response response = request.apply(index);
            return new Reply(response.statusCode(), response.asString());
        });
    }
}
