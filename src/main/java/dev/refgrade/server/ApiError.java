package dev.refgrade.server;

/**
 * A request the server refuses, as the one error shape of docs/API.md: {@code {error, detail}} and
 * {@code field} when one field of the request is at fault. Thrown from handlers, rendered by {@link Errors}.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String error;
    private final String field;

    public ApiError(int status, String error, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
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
}
