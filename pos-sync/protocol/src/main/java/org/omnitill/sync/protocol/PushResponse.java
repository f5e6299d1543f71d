package org.omnitill.sync.protocol;

import java.util.List;

/**
 * One result per pushed document, in the order sent, and the till's journal as the hub now has it.
 *
 * @param journalHead    the last sequence of the till's unbroken chain at the hub
 * @param missing        how many sequences below the highest received the hub does not have yet
 */
public record PushResponse(List<DocumentResult> results, long journalHead, long missing) {
}
