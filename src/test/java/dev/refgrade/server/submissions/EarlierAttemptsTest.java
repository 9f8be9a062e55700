package dev.refgrade.server.submissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refgrade.grading.Earlier;
import dev.refgrade.store.Records.Tried;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A student's summary kept between submissions is always the one their stored history gives. */
class EarlierAttemptsTest {
    private final EarlierAttempts earlier = new EarlierAttempts();

    private static Tried tried(int n, double score, String... right) {
        return new Tried(n, Instant.EPOCH.plusSeconds(n), score, List.of(right));
    }

    private static Earlier anew(List<Tried> history) {
        return Earlier.of(Grading.attempts(history));
    }

    @Test
    void aHistoryThatGrewIsExtendedByWhatWasAdded() {
        List<Tried> h = new ArrayList<>(List.of(tried(1, 0, "a")));
        earlier.of("k", List.copyOf(h));
        h.add(tried(2, 1, "b"));
        h.add(tried(3, 0.5));
        assertEquals(anew(h), earlier.of("k", List.copyOf(h)));
    }

    @Test
    void aHistoryAfterAResetIsSummedUpAnew() {
        List<Tried> before = List.of(tried(1, 1, "a"), tried(2, 0, "b"));
        earlier.of("k", before);
        List<Tried> since = List.of(tried(3, 0.5, "c"));
        assertEquals(anew(since), earlier.of("k", since));
    }

    @Test
    void aHistoryOfTheSameLengthWithOtherRecordsIsSummedUpAnew() {
        earlier.of("k", List.of(tried(1, 1, "a"), tried(2, 0, "b")));
        List<Tried> regraded = List.of(tried(1, 0), tried(2, 0.5));
        assertEquals(anew(regraded), earlier.of("k", regraded));
    }

    @Test
    void studentsAreKeptApart() {
        earlier.of("ann", List.of(tried(1, 1, "a")));
        List<Tried> bob = List.of(tried(1, 0));
        assertEquals(anew(bob), earlier.of("bob", bob));
    }

    @Test
    void noAttemptsComeToNone() {
        assertEquals(Earlier.NONE, earlier.of("k", List.of()));
    }
}
