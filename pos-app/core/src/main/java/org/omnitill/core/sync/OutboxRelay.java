package org.omnitill.core.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.omnitill.core.store.TillStore;
import org.omnitill.sync.client.HubClient;
import org.omnitill.sync.client.HubRefusedException;
import org.omnitill.sync.client.HubUnavailableException;
import org.omnitill.sync.protocol.DocumentResult;
import org.omnitill.sync.protocol.PushResponse;
import org.omnitill.sync.protocol.PushedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the hub in journal order, a batch at a time. A document leaves the outbox
 * only when the hub answers that it has it (accepted now or before); if the answer is lost, the
 * next round sends it again and the hub answers "duplicate". A refused document stays, marked.
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final TillStore store;
    private final int batchSize;

    public OutboxRelay(TillStore store, int batchSize) {
        if (batchSize < 1 || batchSize > org.omnitill.sync.protocol.ApiPaths.MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1 to " + org.omnitill.sync.protocol.ApiPaths.MAX_BATCH);
        }
        this.store = store;
        this.batchSize = batchSize;
    }

    /** Pushes until the outbox is empty (or holds only refused documents); returns how many the hub took. */
    public int drain(HubClient client, String token) throws HubUnavailableException, HubRefusedException {
        int sent = 0;
        while (true) {
            List<OutboundDocument> batch = store.session().sync().nextOutbound(batchSize);
            if (batch.isEmpty()) {
                return sent;
            }
            List<PushedDocument> documents = new ArrayList<>(batch.size());
            for (OutboundDocument d : batch) {
                documents.add(new PushedDocument(d.id(), d.type(), d.sequence(), d.createdAt(), d.prevHash(), d.hash(), d.body()));
            }
            PushResponse response;
            try {
                response = client.push(token, documents);
            } catch (HubUnavailableException | HubRefusedException e) {
                List<UUID> ids = batch.stream().map(OutboundDocument::id).toList();
                store.session().sync().countAttempt(ids);
                throw e;
            }
            List<UUID> acknowledged = new ArrayList<>();
            Map<UUID, String> refused = new HashMap<>();
            for (DocumentResult result : response.results()) {
                if (result.acknowledged()) {
                    acknowledged.add(result.id());
                } else {
                    refused.put(result.id(), result.reason() == null ? "refused by the hub" : result.reason());
                    LOG.warn("the hub refused document {}: {}", result.id(), result.reason());
                }
            }
            store.transactionVoid(session -> {
                session.sync().acknowledge(acknowledged);
                session.sync().markRejected(refused);
            });
            sent += acknowledged.size();
            if (batch.size() < batchSize) {
                return sent;
            }
        }
    }
}
