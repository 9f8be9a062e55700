package dev.refgrade.server.lti;

import dev.refgrade.server.Deps;
import dev.refgrade.server.gradebook.Gradebook;
import dev.refgrade.store.Lti;
import dev.refgrade.store.Lti.Owed;
import dev.refgrade.store.Lti.Platform;
import dev.refgrade.store.Records.Assignment;
import dev.refgrade.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends the scores the submissions owe to LMSs (rows of lti_outbox, written with each submission),
 * one thread per server. A score the LMS does not take is tried again later, 5 s after the first
 * failure and twice as long after each one up to an hour, for as long as it takes: the row is in the
 * database, so a restart or another server instance carries on where this one stopped.
 */
final class ScoreOutbox implements AutoCloseable {
    private static final long POLL_MILLIS = 500;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScoreOutbox.class);

    private final Deps deps;
    private final PlatformClient client;
    private final Thread thread;
    private volatile boolean stopped;

    ScoreOutbox(Deps deps, PlatformClient client) {
        this.deps = deps;
        this.client = client;
        this.thread = Thread.ofPlatform().daemon().name("refgrade-lti-scores").start(this::run);
    }

    private void run() {
        while (!stopped) {
            try {
                for (Owed o : deps.store().lti().due(deps.clock().instant(), 100)) {
                    if (stopped) return;
                    send(o);
                }
            } catch (StoreException | IllegalStateException e) {
                LOG.warn("LTI scores: " + e.getMessage());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(Owed o) {
        Lti lti = deps.store().lti();
        try {
            Lti.Context ctx = lti.contextOf(o.course()).orElseThrow(() -> new PlatformClient.Failed("the course is no longer linked"));
            if (ctx.lineItemsUrl() == null) {
                lti.paid(o); // the platform granted no grade service: there is nowhere to send it
                return;
            }
            Platform p = lti.platform(ctx.platformId()).orElseThrow(() -> new PlatformClient.Failed("the platform is no longer registered"));
            Assignment a = deps.store().courses().assignment(o.course(), o.assignment())
                    .orElseThrow(() -> new PlatformClient.Failed("no assignment " + o.assignment()));
            String sub = lti.sub(o.course(), o.student()).orElseThrow(() -> new PlatformClient.Failed("the student has no LMS id"));
            double[] grade = Gradebook.assignmentGrade(deps, a, o.student());
            String lineItem = lineItem(p, ctx, a, grade[1]);
            client.score(p, lineItem, sub, grade[0], grade[1], o.submittedAt());
            lti.paid(o);
        } catch (PlatformClient.Failed e) {
            Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(o.attempts(), 10));
            Instant next = deps.clock().instant().plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait);
            lti.failed(o, next, e.getMessage());
            LOG.info("LTI score for " + o.course() + "/" + o.assignment() + "/" + o.student()
                    + " not taken (" + e.getMessage() + "); next try at " + next);
        }
    }

    private String lineItem(Platform p, Lti.Context ctx, Assignment a, double max) throws PlatformClient.Failed {
        Optional<String> known = deps.store().lti().lineItem(a.course(), a.id());
        if (known.isPresent()) return known.get();
        String url = client.lineItem(p, ctx.lineItemsUrl(), a.id(), a.title(), max);
        deps.store().lti().lineItem(a.course(), a.id(), url);
        return url;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
