package org.omnitill.hub;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.omnitill.sync.protocol.DocumentResult;

/**
 * Counters for {@code /metrics}, in the Prometheus text format. Per process: Prometheus scrapes
 * each hub instance and sums them.
 */
final class HubMetrics {

    private final Map<DocumentResult.Status, LongAdder> documents = new EnumMap<>(DocumentResult.Status.class);
    private final Map<String, LongAdder> responses = new ConcurrentHashMap<>();
    private final LongAdder journalFlags = new LongAdder();
    private final LongAdder changesServed = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder requestNanos = new LongAdder();
    private final LongAdder requests = new LongAdder();

    HubMetrics() {
        for (DocumentResult.Status status : DocumentResult.Status.values()) {
            documents.put(status, new LongAdder());
        }
    }

    void document(DocumentResult.Status status) {
        documents.get(status).increment();
    }

    void journalFlag() {
        journalFlags.increment();
    }

    void changesServed(int count) {
        changesServed.add(count);
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void response(String route, int status, long nanos) {
        responses.computeIfAbsent(route + "\u0000" + status, k -> new LongAdder()).increment();
        requests.increment();
        requestNanos.add(nanos);
    }

    String scrape() {
        StringBuilder out = new StringBuilder(1024);
        out.append("# HELP omnitill_hub_documents_total Documents pushed by tills, by result.\n");
        out.append("# TYPE omnitill_hub_documents_total counter\n");
        documents.forEach((status, n) -> out.append("omnitill_hub_documents_total{result=\"")
                .append(status.name().toLowerCase(java.util.Locale.ROOT)).append("\"} ").append(n.sum()).append('\n'));
        out.append("# HELP omnitill_hub_journal_flags_total Problems found in till journals (broken chain, altered, reused).\n");
        out.append("# TYPE omnitill_hub_journal_flags_total counter\n");
        out.append("omnitill_hub_journal_flags_total ").append(journalFlags.sum()).append('\n');
        out.append("# HELP omnitill_hub_changes_served_total Change-feed entries sent to tills.\n");
        out.append("# TYPE omnitill_hub_changes_served_total counter\n");
        out.append("omnitill_hub_changes_served_total ").append(changesServed.sum()).append('\n');
        out.append("# HELP omnitill_hub_rate_limited_total Requests refused with 429.\n");
        out.append("# TYPE omnitill_hub_rate_limited_total counter\n");
        out.append("omnitill_hub_rate_limited_total ").append(rateLimited.sum()).append('\n');
        out.append("# HELP omnitill_hub_http_responses_total HTTP responses by route and status.\n");
        out.append("# TYPE omnitill_hub_http_responses_total counter\n");
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] parts = e.getKey().split("\u0000");
            out.append("omnitill_hub_http_responses_total{route=\"").append(parts[0]).append("\",status=\"")
                    .append(parts[1]).append("\"} ").append(e.getValue().sum()).append('\n');
        });
        out.append("# HELP omnitill_hub_http_request_seconds Time spent answering requests.\n");
        out.append("# TYPE omnitill_hub_http_request_seconds summary\n");
        out.append("omnitill_hub_http_request_seconds_count ").append(requests.sum()).append('\n');
        out.append("omnitill_hub_http_request_seconds_sum ").append(requestNanos.sum() / 1e9).append('\n');
        return out.toString();
    }
}
