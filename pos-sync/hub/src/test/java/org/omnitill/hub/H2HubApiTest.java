package org.omnitill.hub;

class H2HubApiTest extends HubApiContract {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }
}
