package dev.refgrade.server;

class ServerSecuritySqliteTest extends ServerSecurityContract {
    ServerSecuritySqliteTest() {
        super(Databases.Kind.SQLITE);
    }
}
