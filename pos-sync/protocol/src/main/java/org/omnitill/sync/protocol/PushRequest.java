package org.omnitill.sync.protocol;

import java.util.List;

/** A batch of documents from a till's outbox, at most {@link ApiPaths#MAX_BATCH}. */
public record PushRequest(List<PushedDocument> documents) {
}
