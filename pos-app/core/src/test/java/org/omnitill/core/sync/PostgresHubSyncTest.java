package org.omnitill.core.sync;

import org.omnitill.hub.TestDatabases;

class PostgresHubSyncTest extends HubSyncContract {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRES;
    }
}
