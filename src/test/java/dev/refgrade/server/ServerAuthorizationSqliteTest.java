package dev.refgrade.server;

class ServerAuthorizationSqliteTest extends ServerAuthorizationContract {
    ServerAuthorizationSqliteTest() {
        super(Databases.Kind.SQLITE);
    }
}
