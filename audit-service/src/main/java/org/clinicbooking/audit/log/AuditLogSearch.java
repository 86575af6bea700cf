package org.clinicbooking.audit.log;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.clinicbooking.kit.paging.Page;
import org.clinicbooking.kit.paging.PageRequest;

/** Lists audit entries by filter, newest occurred time first. */
@ApplicationScoped
public class AuditLogSearch {

    private final AuditEntryRepository entries;

    public AuditLogSearch(AuditEntryRepository entries) {
        this.entries = entries;
    }

    public Uni<Page<AuditEntry>> find(AuditLogCriteria criteria, PageRequest page) {
        // Two queries on separate connections: a page may be off by entries recorded between
        // them, which an append-only log makes harmless.
        Uni<List<AuditEntry>> items = entries.select(criteria.selectSql(), criteria.selectParameters(page));
        return items.chain(found -> entries.count(criteria.countSql(), criteria.whereParameters())
                .map(total -> Page.of(found, page, total)));
    }
}
