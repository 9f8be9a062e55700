import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The baseline of bench/submit-side-by-side.sh: the least a Javalin 7 + SQLite server must do for
 * a submission, with none of refgrade's grading, rubric, access checks or per-student ordering.
 * It answers the same routes `refgrade loadtest` calls, so one load generator drives both:
 * setting up stores nothing but tokens; a submission reads the student's last attempt number (the
 * read), then inserts the row through a group commit (WAL, synchronous=FULL, one fsync per batch,
 * the answer sent after its batch committed) and answers 201 with the stored row.
 *
 *   java --enable-native-access=ALL-UNNAMED -cp target/refgrade.jar bench/BareSubmit.java PORT DB_FILE
 */
public final class BareSubmit {
    private record Row(String id, String course, String student, int attempt, String answers, CompletableFuture<Void> stored) {}

    private final String url;
    private final BlockingQueue<Row> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(8);
    private final Map<String, String> students = new ConcurrentHashMap<>();

    private BareSubmit(String file) throws SQLException {
        this.url = "jdbc:sqlite:" + file;
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS submissions (id TEXT PRIMARY KEY, course TEXT NOT NULL, student TEXT NOT NULL,"
                    + " attempt INTEGER NOT NULL, answers TEXT NOT NULL, UNIQUE (course, student, attempt))");
        }
        for (int i = 0; i < 8; i++) readers.add(open());
        Thread.ofPlatform().name("bare-group-commit").daemon().start(this::write);
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
        }
        return c;
    }

    /** The one writer: whatever queued while the last batch committed goes in the next transaction. */
    private void write() {
        try (Connection c = open(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO submissions (id, course, student, attempt, answers) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            List<Row> batch = new ArrayList<>();
            boolean busy = false;
            while (true) {
                batch.add(queue.take());
                if (busy && queue.isEmpty()) LockSupport.parkNanos(1_000_000); // gathers as refgrade's GroupCommit does
                queue.drainTo(batch, 511);
                busy = batch.size() > 1;
                for (Row r : batch) {
                    insert.setString(1, r.id());
                    insert.setString(2, r.course());
                    insert.setString(3, r.student());
                    insert.setInt(4, r.attempt());
                    insert.setString(5, r.answers());
                    insert.addBatch();
                }
                try {
                    insert.executeBatch();
                    c.commit();
                    batch.forEach(r -> r.stored().complete(null));
                } catch (SQLException e) {
                    c.rollback();
                    batch.forEach(r -> r.stored().completeExceptionally(e));
                }
                batch.clear();
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private int lastAttempt(String course, String student) throws Exception {
        Connection c = readers.take();
        try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(MAX(attempt), 0) FROM submissions WHERE course = ? AND student = ?")) {
            q.setString(1, course);
            q.setString(2, student);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } finally {
            readers.add(c);
        }
    }

    private void submit(Context ctx) throws Exception {
        String header = ctx.header("Authorization");
        String student = header == null ? null : students.get(header.substring("Bearer ".length()));
        if (student == null) {
            ctx.status(401).json(Map.of("error", "unauthorized"));
            return;
        }
        String course = ctx.pathParam("c");
        String answers = ctx.body();
        // Two requests of one student at once could take the same number; the unique key refuses the second.
        Row row = new Row(UUID.randomUUID().toString(), course, student, lastAttempt(course, student) + 1, answers, new CompletableFuture<>());
        queue.add(row);
        row.stored().get();
        ctx.status(201).json(Map.of("id", row.id(), "student", student, "attempt", row.attempt(), "answers", ctx.bodyAsClass(Map.class)));
    }

    /** `loadtest` enrols its class in one request and reads back each student's token. */
    private void enroll(Context ctx) {
        List<Map<String, String>> issued = new ArrayList<>();
        for (Object s : ctx.bodyAsClass(List.class)) {
            String id = (String) ((Map<?, ?>) s).get("id"), token = UUID.randomUUID().toString();
            students.put(token, id);
            issued.add(Map.of("id", id, "token", token));
        }
        ctx.status(201).json(issued);
    }

    public static void main(String[] args) throws Exception {
        BareSubmit app = new BareSubmit(args[1]);
        Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.concurrency.useVirtualThreads = true;
            c.routes.post("/api/courses", ctx -> ctx.status(201).json(Map.of()));
            c.routes.post("/api/courses/{c}/assignments", ctx -> ctx.status(201).json(Map.of()));
            c.routes.post("/api/courses/{c}/students", app::enroll);
            c.routes.post("/api/courses/{c}/assignments/{a}/exercises/{e}/submissions", app::submit);
            c.routes.get("/health", ctx -> ctx.result("ok"));
        }).start("127.0.0.1", Integer.parseInt(args[0]));
    }
}
