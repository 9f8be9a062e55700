package dev.refgrade.server;

import java.nio.file.Path;

class ServerAuthorizationSqliteTest extends ServerAuthorizationContract {
    @Override
    String database(Path dir) {
        return Databases.sqlite(dir);
    }
}
