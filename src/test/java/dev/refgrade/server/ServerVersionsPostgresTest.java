package dev.refgrade.server;

class ServerVersionsPostgresTest extends ServerVersionsContract {
    ServerVersionsPostgresTest() {
        super(Databases.Kind.POSTGRES);
    }
}
