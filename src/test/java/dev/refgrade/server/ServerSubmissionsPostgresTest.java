package dev.refgrade.server;

class ServerSubmissionsPostgresTest extends ServerSubmissionsContract {
    ServerSubmissionsPostgresTest() {
        super(Databases.Kind.POSTGRES);
    }
}
