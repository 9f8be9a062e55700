package dev.refgrade.server;

class ServerVersionsSqliteTest extends ServerVersionsContract {
    ServerVersionsSqliteTest() {
        super(Databases.Kind.SQLITE);
    }
}
