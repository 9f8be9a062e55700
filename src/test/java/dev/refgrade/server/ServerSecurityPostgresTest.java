package dev.refgrade.server;

class ServerSecurityPostgresTest extends ServerSecurityContract {
    ServerSecurityPostgresTest() {
        super(Databases.Kind.POSTGRES);
    }
}
