package dev.refgrade.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A contract test with a fresh server and database for each test. */
abstract class ServerWithTestServer extends DatabaseContract {
    static final String E = "identity-is-vs-eq";
    @TempDir
    Path dir;
    TestServer s;
    Api api;

    ServerWithTestServer(Databases.Kind kind) {
        super(kind);
    }

    @BeforeEach
    void start() {
        s = TestServer.start(database(dir), TestServer.library(dir));
        api = s.api;
    }

    @AfterEach
    void stop() {
        s.close();
        databases.dropAll();
    }
}
