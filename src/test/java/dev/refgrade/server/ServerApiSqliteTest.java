package dev.refgrade.server;

import java.nio.file.Path;

class ServerApiSqliteTest extends ServerApiContract {
    @Override
    String database(Path dir) {
        return Databases.sqlite(dir);
    }
}
