package dev.refgrade.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection, as lean as a load generator on the server's own cores needs
 * to be: a request is written in one piece, the response read by Content-Length or chunks.
 */
final class KeepAlive implements AutoCloseable {
    record Response(int status, String body) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    KeepAlive(URI base) throws IOException {
        this.socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = socket.getOutputStream();
        this.host = base.getHost() + ":" + base.getPort();
    }

    Response send(String method, String path, String token, String body, String... headers) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
        if (token != null) h.append("Authorization: Bearer ").append(token).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) h.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        byte[] head = h.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[head.length + payload.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(payload, 0, request, head.length, payload.length);
        out.write(request);
        out.flush();
        String status = line();
        int length = -1;
        boolean chunked = false;
        for (String l = line(); !l.isEmpty(); l = line()) {
            String lower = l.toLowerCase();
            if (lower.startsWith("content-length:")) length = Integer.parseInt(l.substring(15).strip());
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (chunked) {
            for (int n = Integer.parseInt(line().strip(), 16); n > 0; n = Integer.parseInt(line().strip(), 16)) {
                b.write(in.readNBytes(n));
                line();
            }
            line();
        } else if (length >= 0) {
            b.write(in.readNBytes(length));
        }
        return new Response(Integer.parseInt(status.substring(9, 12)), b.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("the server closed the connection");
            if (c != '\r') s.append((char) c);
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
