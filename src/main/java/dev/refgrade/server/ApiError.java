package dev.refgrade.server;

/**
 * A request the server refuses, as the one error shape of docs/API.md: {@code {error, detail}} and
 * {@code field} when one field of the request is at fault. Thrown from handlers, rendered by {@link Errors}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String error;
    private final String field;
    /** Seconds the client should wait before trying again (the Retry-After header), or 0 for none. */
    private final long retryAfter;

    public ApiError(int status, String error, String detail, String field) {
        this(status, error, detail, field, 0);
    }

    private ApiError(int status, String error, String detail, String field, long retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    /** A refusal that is over in {@code seconds}: 429 rate_limited, 503 busy. */
    public static ApiError retryAfter(int status, String error, String detail, long seconds) {
        return new ApiError(status, error, detail, null, Math.max(1, seconds));
    }

    public static ApiError notFound() {
        return new ApiError(404, "not_found", "no such resource, or not yours to see", null);
    }

    public static ApiError forbidden(String detail) {
        return new ApiError(403, "forbidden", detail, null);
    }

    public static ApiError invalid(String field, String detail) {
        return new ApiError(422, "invalid", detail, field);
    }

    public static ApiError exists(String what) {
        return new ApiError(409, "exists", what + " already exists", null);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }

    public long retryAfter() {
        return retryAfter;
    }
}
