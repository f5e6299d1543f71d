package org.omnitill.bench;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the sync harness runnable: each H2 benchmark once, tiny, untimed (it throws if a step fails). */
class SyncBenchSanityTest {

    @TempDir
    Path dir;

    @Test
    void ingestRunsWithTwoTills() throws Exception {
        SyncBench.ingest(dir, "h2", 2, 1, 2);
    }

    @Test
    void drainRunsOnAFewSales() throws Exception {
        SyncBench.drain(dir, 20);
    }

    @Test
    void bootstrapRunsOnASmallCatalog() throws Exception {
        SyncBench.bootstrap(dir, 3_000, 1_000);
    }
}
