package dev.refgrade.server.ops;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.server.Server;

/**
 * Clients that hold connections without finishing requests. Jetty closes a connection idle for
 * {@code idle}; a client that sends a header byte now and then is never idle, and Jetty 12 has no
 * header timeout, so a sweep closes every connection that has been part way through a request's
 * line and headers for longer than {@code headers}.
 */
public final class SlowClients implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
            .name("refgrade-slow-clients").unstarted(r));
    /** When each connection was first seen part way through its headers. */
    private final Map<EndPoint, Long> since = new ConcurrentHashMap<>();

    /** Once the server has its connectors. */
    public void watch(Server server, Duration idle, Duration headers) {
        for (Connector c : server.getConnectors()) if (c instanceof AbstractConnector a) a.setIdleTimeout(idle.toMillis());
        long every = Math.max(50, headers.toMillis() / 4);
        timer.scheduleWithFixedDelay(() -> sweep(server, headers.toNanos()), every, every, TimeUnit.MILLISECONDS);
    }

    private void sweep(Server server, long headersNanos) {
        long now = System.nanoTime();
        Set<EndPoint> partial = new HashSet<>();
        for (Connector c : server.getConnectors()) {
            for (EndPoint ep : c.getConnectedEndPoints()) {
                // START is a kept-alive connection between requests: the idle timeout's business.
                if (ep.getConnection() instanceof HttpConnection h && h.getParser().inHeaderState() && !h.getParser().isStart()) {
                    partial.add(ep);
                    if (now - since.computeIfAbsent(ep, e -> now) > headersNanos) ep.close();
                }
            }
        }
        since.keySet().retainAll(partial);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
