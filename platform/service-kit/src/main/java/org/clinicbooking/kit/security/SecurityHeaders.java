package org.clinicbooking.kit.security;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Adds the response headers that keep a browser from sniffing, framing or rendering API
 * responses to every {@code /api} response, whatever gateway is in front. Only the API gets them:
 * the Swagger UI under {@code /q} needs scripts and styles that this policy forbids.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The same values as the local nginx gateway sets on its own responses. */
    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    /** Runs before every other route, so that error responses written early get the headers too. */
    private static final int ROUTE_ORDER = -20;

    void install(@Observes Router router) {
        router.route("/api/*").order(ROUTE_ORDER).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                HEADERS.forEach((name, value) -> {
                    if (!headers.contains(name)) {
                        headers.set(name, value);
                    }
                });
            });
            context.next();
        });
    }
}
