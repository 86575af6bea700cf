package org.clinicbooking.audit.log;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of walking the hash chain.
 *
 * @param entriesChecked how many entries the walk read, including the broken one
 * @param firstBrokenEntry the first entry in chain order whose link or hash does not hold, or
 *     null when the chain is valid
 * @param reason what does not hold there, or null when the chain is valid
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean valid, long entriesChecked, BrokenEntry firstBrokenEntry, String reason) {

    static ChainVerification intact(long entriesChecked) {
        return new ChainVerification(true, entriesChecked, null, null);
    }

    static ChainVerification broken(long entriesChecked, long id, String eventId, String reason) {
        return new ChainVerification(false, entriesChecked, new BrokenEntry(id, eventId), reason);
    }

    /**
     * The entry where the chain breaks.
     *
     * @param eventId null when the entry itself is missing from the end of the chain
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BrokenEntry(long id, String eventId) {}
}
