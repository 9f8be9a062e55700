package dev.refgrade.server;

class ServerAuthorizationPostgresTest extends ServerAuthorizationContract {
    ServerAuthorizationPostgresTest() {
        super(Databases.Kind.POSTGRES);
    }
}
