package org.clinicbooking.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rejects a request whose Content-Length exceeds {@code quarkus.http.limits.max-body-size} with
 * a 413 problem document. Quarkus 3.33 rejects such a request itself from a route of order -2,
 * but with an empty body. This route runs just before it and closes the connection the same way,
 * because the body is never read.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);

    /** One before the order of Quarkus' own limit route. */
    private static final int ROUTE_ORDER = -3;

    private final Optional<MemorySize> maxBodySize;
    private final String problemJson;

    public BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper json)
            throws JsonProcessingException {
        this.maxBodySize = maxBodySize;
        String limit =
                maxBodySize.map(size -> size.asLongValue() / 1024 + " KiB").orElse("");
        this.problemJson = json.writeValueAsString(Problem.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the " + limit + " this service accepts. Send a smaller body."));
    }

    void install(@Observes Router router) {
        maxBodySize.ifPresent(size -> router.route().order(ROUTE_ORDER).handler(context -> {
            if (declaredLength(context) > size.asLongValue()) {
                reject(context);
            } else {
                context.next();
            }
        }));
    }

    private static long declaredLength(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            // Netty rejects a malformed Content-Length before routing, so this branch is only a fallback.
            return -1;
        }
    }

    private void reject(RoutingContext context) {
        LOG.infof(
                "Rejected %s %s: body of %s bytes is over the limit",
                context.request().method(),
                context.request().path(),
                context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problemJson);
    }
}
