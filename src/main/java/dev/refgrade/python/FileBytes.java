package dev.refgrade.python;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file's bytes, or its UTF-8 text, as Files.readAllBytes and Files.readString give them, read
 * through java.io: NIO's file channel loads libnet in its class initialisation, a millisecond or
 * two of every cold command, which reads a file or two. A file java.io cannot open is read again
 * through NIO, whose exception says why in its type (no such file, permission denied, a directory).
 */
public final class FileBytes {
    private FileBytes() {}

    public static byte[] read(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            return Files.readAllBytes(file);
        }
    }

    /** The text, which must be UTF-8: a malformed byte is a MalformedInputException, as Files.readString throws. */
    public static String utf8(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(read(file))).toString();
    }
}
