package org.clinicbooking.user.web;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.clinicbooking.kit.problem.Problem;
import org.clinicbooking.kit.problem.ProblemMappers;
import org.clinicbooking.kit.problem.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Handles the error Quarkus REST raises when a chunked body (one without Content-Length) grows
 * past {@code quarkus.http.limits.max-body-size} while it is read. Quarkus has sent its own 413
 * and closed the connection by then, so this only keeps the kit from logging a client's oversized
 * body as an unexpected server error. Any other I/O error still goes to the kit's mapper.
 */
public class RequestTooLargeMapper {

    private static final Logger LOG = Logger.getLogger(RequestTooLargeMapper.class);

    // The message of the IOException thrown by VertxInputStream in resteasy-reactive-vertx 3.33.2.
    private static final String QUARKUS_MESSAGE = "Request too large";

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response ioFailure(IOException e) {
        if (!QUARKUS_MESSAGE.equals(e.getMessage())) {
            return problems.unexpected(e);
        }
        // NOTE: the client sees Quarkus' own 413 with an empty body here, not this problem:
        // the response was sent before the exception was thrown.
        LOG.info("Rejected a chunked request body over the size limit");
        return ProblemMappers.respond(
                Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this service accepts."));
    }
}
