package dev.refgrade.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class ServerAuthorizationPostgresTest extends ServerAuthorizationContract {
    private final List<String> schemas = new ArrayList<>();

    @Override
    String database(Path dir) {
        String schema = Databases.postgresSchema();
        schemas.add(schema);
        return Databases.postgresUrl(schema);
    }

    @Override
    void dropDatabase() {
        schemas.forEach(Databases::dropPostgres);
    }
}
