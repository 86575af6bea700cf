package org.clinicbooking.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Writes problem documents for the failures that Vert.x decides before a request reaches
 * JAX-RS, such as a body over {@code quarkus.http.limits.max-body-size} (413). Without it those
 * answers would have an empty body.
 */
@ApplicationScoped
public class HttpFailureProblems {

    private static final Logger LOG = Logger.getLogger(HttpFailureProblems.class);

    private final ObjectMapper json;

    public HttpFailureProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.response().headWritten() || context.statusCode() != 413) {
            context.next();
            return;
        }
        Problem problem =
                Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this service accepts.");
        try {
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            LOG.warnf("Problem document for status 413 could not be written: %s", e.getMessage());
            context.next();
        }
    }
}
