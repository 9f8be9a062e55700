package dev.refgrade.server;

class ServerApiSqliteTest extends ServerApiContract {
    ServerApiSqliteTest() {
        super(Databases.Kind.SQLITE);
    }
}
