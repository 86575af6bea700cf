package org.clinicbooking.clinical.prescription;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.clinicbooking.kit.paging.PageRequest;

@ApplicationScoped
public class PrescriptionRepository implements PanacheRepositoryBase<Prescription, UUID> {

    /** Lists newest first, with the id breaking ties so that pages never overlap. */
    Uni<List<Prescription>> list(PrescriptionFilter filter, PageRequest page) {
        return find(filter.query(), Sort.descending("issuedAt", "id"), filter.parameters())
                .page(page.page(), page.size())
                .list();
    }

    Uni<Long> count(PrescriptionFilter filter) {
        return count(filter.query(), filter.parameters());
    }
}
