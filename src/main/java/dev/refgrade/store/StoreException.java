package dev.refgrade.store;

import java.sql.SQLException;

/** A database failure the caller cannot fix: the server answers 500 and the request changed nothing. */
public final class StoreException extends RuntimeException {
    StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
