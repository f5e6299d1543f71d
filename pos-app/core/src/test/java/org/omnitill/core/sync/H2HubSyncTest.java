package org.omnitill.core.sync;

import org.omnitill.hub.TestDatabases;

class H2HubSyncTest extends HubSyncContract {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }
}
