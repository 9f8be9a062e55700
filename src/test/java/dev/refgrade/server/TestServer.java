package dev.refgrade.server;

import dev.refgrade.grading.Grader;
import dev.refgrade.server.ops.Drain;
import dev.refgrade.store.Store;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** An app on a random port over a real database, with its own copies of exercises and rubrics and a clock the test sets. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN = "admin-token-for-tests";
    /** The exercises the server tests use, copied from the library. */
    public static final List<String> EXERCISES = List.of("identity-is-vs-eq", "smallint-cache-boundary");

    public static final class MutableClock extends Clock {
        public volatile Instant now = Instant.parse("2025-03-01T12:00:00Z");

        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    public final Store store;
    public final Catalog catalog;
    public final Javalin app;
    public final Api api;
    public final MutableClock clock;

    public TestServer(String db, Path folder, Config config, MutableClock clock) {
        this(db, folder, config, clock, SimulatorGate.forThisMachine());
    }

    public TestServer(String db, Path folder, Config config, MutableClock clock, SimulatorGate gate) {
        ServerLog.install();
        this.store = Store.open(db);
        this.catalog = new Catalog(folder.resolve("exercises"), folder.resolve("rubrics"));
        this.clock = clock;
        this.app = App.create(new Deps(store, catalog, new Grader(), clock, config.withPort(0), gate, new Drain())).start(0);
        this.api = new Api("http://localhost:" + app.port());
    }

    public static TestServer start(String db, Path folder) {
        return new TestServer(db, folder, Config.defaults().withAdminToken(ADMIN).withRateLimit(0, 0), new MutableClock());
    }

    /** exercises/ and rubrics/ under {@code dir}: the test exercises and every rubric of the library. */
    public static Path library(Path dir) {
        try {
            Files.createDirectories(dir.resolve("exercises"));
            Files.createDirectories(dir.resolve("rubrics"));
            for (String e : EXERCISES) Files.copy(Path.of("exercises", e + ".yaml"), dir.resolve("exercises/" + e + ".yaml"));
            try (var s = Files.list(Path.of("rubrics"))) {
                for (Path r : s.toList()) Files.copy(r, dir.resolve("rubrics").resolve(r.getFileName()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        store.close();
    }
}
