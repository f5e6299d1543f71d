package org.omnitill.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubLimitsTest {

    private HubHarness hub;

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aTillThatSendsTooFastIsToldToSlowDownAndOthersAreNotAffected() {
        hub = new HubHarness(TestDatabases.Engine.H2, new HubServer.Limits(64 * 1024, 0.5, 3));
        hub.store("S1");
        HubHarness.Till busy = hub.enrolledTill("S1", "T01");
        HubHarness.Till calm = hub.enrolledTill("S1", "T02");

        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = hub.send("GET", "/api/v1/changes", busy.bearer(), null);
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        HttpResponse<String> other = hub.send("GET", "/api/v1/changes", calm.bearer(), null);

        assertThat(statuses).startsWith(200, 200, 200).contains(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(hub.read(limited.body()).get("detail").asText()).contains("too many requests");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(hub.send("GET", "/metrics", null, null).body()).contains("omnitill_hub_rate_limited_total 2");
    }
}
