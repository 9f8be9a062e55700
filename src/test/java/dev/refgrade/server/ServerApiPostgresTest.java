package dev.refgrade.server;

class ServerApiPostgresTest extends ServerApiContract {
    ServerApiPostgresTest() {
        super(Databases.Kind.POSTGRES);
    }
}
