package org.omnitill.hub;

class PostgresHubApiTest extends HubApiContract {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRES;
    }
}
