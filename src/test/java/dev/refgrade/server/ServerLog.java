package dev.refgrade.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The last lines the test JVM wrote to stderr, where slf4j-simple logs the server's failures. A test
 * that meets an unexpected 500 puts them in its assertion message: CI shows the failing assertion,
 * not the log printed minutes earlier, and a failure seen only under load must explain itself.
 */
public final class ServerLog {
    private static final int KEEP = 8 * 1024;
    private static final byte[] RING = new byte[KEEP];
    private static long written;

    private static boolean installed;

    private ServerLog() {}

    /** Tees stderr into the ring; called by every test server before it starts, effective once. */
    static synchronized void install() {
        if (installed) return;
        installed = true;
        PrintStream original = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                keep(b, off, len);
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8));
    }

    private static synchronized void keep(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) RING[(int) ((written + i) % KEEP)] = b[off + i];
        written += len;
    }

    /** What stderr last received, up to 8 KiB, headed so it reads apart from the assertion. */
    public static synchronized String tail() {
        int n = (int) Math.min(written, KEEP);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        for (long i = written - n; i < written; i++) out.write(RING[(int) (i % KEEP)]);
        return "\n--- the test JVM's stderr, last " + n + " bytes ---\n" + out.toString(StandardCharsets.UTF_8);
    }
}
