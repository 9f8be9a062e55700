package dev.refgrade.server;

import java.nio.file.Path;

/** A test class written once and run once per database: the subclasses name the database. */
abstract class DatabaseContract {
    final Databases.Made databases;

    DatabaseContract(Databases.Kind kind) {
        this.databases = new Databases.Made(kind);
    }

    /** A fresh database for a server, dropped (PostgreSQL) by {@code databases.dropAll()}. */
    String database(Path dir) {
        return databases.url(dir);
    }
}
