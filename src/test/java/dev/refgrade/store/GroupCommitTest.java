package dev.refgrade.store;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.refgrade.store.Records.Grade;
import dev.refgrade.store.Records.Submission;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Issue 19, finding 11: an Error in SQLite's one writer fails its batch and leaves later submissions answered. */
class GroupCommitTest {
    private static Submission submission(String id) {
        return new Submission(id, "c", "a", "e", "s", 1, Instant.EPOCH, null, "h", "engine", "default", "{}", "{}",
                new Grade(0, 1, 0, false, "[]", List.of()), 0);
    }

    /** A database whose every connection attempt throws an Error, as a driver out of memory would. */
    private static final DataSource FAILING = (DataSource) Proxy.newProxyInstance(GroupCommitTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                throw new OutOfMemoryError("simulated");
            });

    @Test
    void anErrorFailsTheBatchInsteadOfHangingIt() throws Exception {
        GroupCommit writer = new GroupCommit(new Jdbc(FAILING));
        try {
            // Bounded so that a hang fails the test rather than the build: an answer comes at once.
            ExecutionException e = assertThrows(ExecutionException.class, () -> writer.submit(submission("1")).get(60, TimeUnit.SECONDS));
            assertInstanceOf(OutOfMemoryError.class, e.getCause());
        } finally {
            writer.close();
        }
    }

    @Test
    void aSubmissionAfterTheErrorIsStillAnswered() throws Exception {
        GroupCommit writer = new GroupCommit(new Jdbc(FAILING));
        try {
            assertThrows(ExecutionException.class, () -> writer.submit(submission("1")).get(60, TimeUnit.SECONDS));
            assertThrows(ExecutionException.class, () -> writer.submit(submission("2")).get(60, TimeUnit.SECONDS));
        } finally {
            writer.close();
        }
    }
}
