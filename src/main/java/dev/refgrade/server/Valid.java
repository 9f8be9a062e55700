package dev.refgrade.server;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Field checks shared by the routes; each failure is a 422 naming the field. */
public final class Valid {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Valid() {}

    public static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ApiError.invalid(field, field + " must be 1 to 64 letters, digits, '-' or '_', not " + show(value));
        }
        return value;
    }

    public static String text(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 500) {
            throw ApiError.invalid(field, field + " must be a non-empty text of at most 500 characters");
        }
        return value.strip();
    }

    /** The years a date may fall in: the store keeps epoch milliseconds, which Instant's far years overflow. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z"), LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public static Instant instant(String field, String value) {
        try {
            Instant t = value == null ? null : Instant.parse(value);
            if (t != null && !t.isBefore(EARLIEST) && !t.isAfter(LATEST)) return t;
        } catch (DateTimeParseException e) {
            // reported below, with the expected form
        }
        throw ApiError.invalid(field, field + " must be an ISO-8601 instant from 1970 to 9999 like 2025-03-01T23:59:00Z, not " + show(value));
    }

    private static String show(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
