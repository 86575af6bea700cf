package org.clinicbooking.audit.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;

/** The audit log, for staff and admins only: a filtered listing and the hash chain check. */
@Path("/api/audit-logs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"STAFF", "ADMIN"})
public class AuditLogResource {

    private final AuditLogSearch search;
    private final ChainVerifier verifier;
    private final ObjectMapper json;

    public AuditLogResource(AuditLogSearch search, ChainVerifier verifier, ObjectMapper json) {
        this.search = search;
        this.verifier = verifier;
        this.json = json;
    }

    @GET
    public Uni<Page<AuditEntryResponse>> list(
            @BeanParam @Valid AuditLogFilter filter, @BeanParam @Valid PageRequest page) {
        return search.find(filter.criteria(), page)
                .map(found -> found.map(entry -> AuditEntryResponse.of(entry, json)));
    }

    /** Walks the whole chain. Its cost grows with the log, so callers should not poll it. */
    @GET
    @Path("/verify")
    public Uni<ChainVerification> verify() {
        return verifier.verify();
    }
}
