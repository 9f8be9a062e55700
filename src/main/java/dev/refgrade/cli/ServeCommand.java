package dev.refgrade.cli;

import dev.refgrade.grading.Grader;
import dev.refgrade.server.App;
import dev.refgrade.server.Catalog;
import dev.refgrade.server.Config;
import dev.refgrade.server.Deps;
import dev.refgrade.server.SimulatorGate;
import dev.refgrade.server.ops.Drain;
import dev.refgrade.store.Store;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `serve`: the server of docs/API.md until SIGTERM or SIGINT, which let requests in flight finish. */
@Command(name = "serve", description = "Serve the API and web UI (docs/API.md).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7070", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--db", defaultValue = "sqlite:data/refgrade.db", paramLabel = "URL",
            description = "sqlite:PATH or jdbc:postgresql://HOST:PORT/DB (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--exercises", defaultValue = "exercises", paramLabel = "DIR", description = "Exercise folder (default: ${DEFAULT-VALUE}).")
    Path exercises;

    @Option(names = "--rubrics", defaultValue = "rubrics", paramLabel = "DIR", description = "Rubric folder (default: ${DEFAULT-VALUE}).")
    Path rubrics;

    @Option(names = "--max-body", defaultValue = "262144", paramLabel = "BYTES", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
            description = "Address to listen on; 127.0.0.1 for this machine only (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--submits-per-minute", defaultValue = "30", paramLabel = "N",
            description = "Submissions a student may make a minute, bursts of that many; 0 for no limit (default: ${DEFAULT-VALUE}).")
    double submitsPerMinute;

    @Option(names = "--public-metrics", description = "Let anyone read /metrics; without it, /metrics needs an instructor's token.")
    boolean publicMetrics;

    @Option(names = "--rate-limit", defaultValue = "20", paramLabel = "N",
            description = "Requests per second per token (per address without a known token), bursts of twice that; 0 for no limit (default: ${DEFAULT-VALUE}).")
    double rateLimit;

    /** The environment; a test gives its own. */
    Function<String, String> env = System::getenv;

    /** The root cause's message, one line: what an operator acts on, without Java's stack. */
    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public Integer call() throws InterruptedException {
        Store store;
        try {
            store = Store.open(db);
        } catch (RuntimeException e) { // a malformed --db, or a database that does not answer
            System.err.println("refgrade: cannot open the database " + db + ": " + firstLine(e));
            return 2;
        }
        Catalog catalog = new Catalog(exercises, rubrics);
        Config config = new Config(host, port, maxBody, rateLimit, 2 * rateLimit, env.apply("REFGRADE_ADMIN_TOKEN"), publicMetrics,
                submitsPerMinute, Config.defaults().idleTimeout(), Config.defaults().headerTimeout(), Config.defaults().minFreeDisk());
        Drain drain = new Drain();
        Javalin app;
        try {
            app = App.create(new Deps(store, catalog, new Grader(), Clock.systemUTC(), config, SimulatorGate.forThisMachine(), drain))
                    .start(host, port);
        } catch (RuntimeException e) { // a weak admin token, a database that opens but refuses writes, a port in use
            store.close();
            System.err.println("refgrade: cannot start: " + firstLine(e));
            return 2;
        }
        System.err.println("refgrade: serving on http://localhost:" + app.port() + " (" + store.dialect().name().toLowerCase() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                drain.drain(Duration.ofSeconds(30)); // every request admitted is answered; later ones get 503
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            app.stop();
            store.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
