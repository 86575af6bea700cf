package org.clinicbooking.user.listing;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a listing query, built from the filters a request supplies. Filters
 * left out (null) add nothing, so an empty criteria matches every row.
 */
public final class Criteria {

    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** Adds {@code clause} with its named parameter when {@code value} is not null. */
    public Criteria and(String clause, String parameter, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.and(parameter, value);
        }
        return this;
    }

    /**
     * Adds a prefix match, {@code field like :parameter escape '\'}, when {@code prefix} is not
     * blank. The LIKE wildcards in the prefix are escaped, so they match themselves.
     */
    public Criteria startsWith(String field, String parameter, String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return this;
        }
        String escaped = prefix.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        clauses.add(field + " like :" + parameter + " escape '\\'");
        parameters.and(parameter, escaped + "%");
        return this;
    }

    /** The HQL condition, "1 = 1" when no filter applies. */
    public String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Parameters parameters() {
        return parameters;
    }
}
