package org.clinicbooking.audit.log;

/**
 * The end of the hash chain as {@code audit_chain_head} stores it.
 *
 * @param lastSequence the id of the last entry, 0 while the log is empty
 * @param lastHash the hash of the last entry, {@link ChainHash#GENESIS} while the log is empty
 */
record ChainHead(long lastSequence, String lastHash) {}
