package org.clinicbooking.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends a 503 problem response when an API request has no response after
 * {@code clinic.http.request-timeout} (20 s by default). A query in flight when MariaDB restarts
 * can stay without a result forever on the reactive MySQL client. Without this deadline the
 * caller would wait for its own timeout with no response at all. The abandoned request's
 * transaction still commits or rolls back on its own, as for any request whose response was lost.
 */
@ApplicationScoped
public class RequestDeadline {

    private static final Logger LOG = Logger.getLogger(RequestDeadline.class);

    /** Runs before every other route, so the timer covers the whole request. */
    private static final int ROUTE_ORDER = -10;

    private final Vertx vertx;
    private final Duration timeout;
    private final String problemJson;

    public RequestDeadline(
            Vertx vertx,
            @ConfigProperty(name = "clinic.http.request-timeout", defaultValue = "20s") Duration timeout,
            ObjectMapper json)
            throws JsonProcessingException {
        this.vertx = vertx;
        this.timeout = timeout;
        this.problemJson = json.writeValueAsString(Problem.of(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                "The request did not complete within " + timeout.toSeconds()
                        + " s, because a service it needs did not answer. Its outcome is unknown:"
                        + " read the resource before you retry a change."));
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ROUTE_ORDER).handler(this::arm);
    }

    private void arm(RoutingContext context) {
        long timer = vertx.setTimer(timeout.toMillis(), ignored -> expire(context));
        context.addEndHandler(ignored -> vertx.cancelTimer(timer));
        context.next();
    }

    private void expire(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        LOG.warnf(
                "Answered %s %s with 503: no response after %d s",
                context.request().method(), context.request().path(), timeout.toSeconds());
        context.response()
                .setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problemJson);
    }
}
