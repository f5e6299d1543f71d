package org.omnitill.sync.protocol;

/** One entry of the change feed, numbered in the order the hub committed it. */
public record Change(long seq, ChangeData data) {
}
