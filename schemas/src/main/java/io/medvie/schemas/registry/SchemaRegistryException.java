package io.medvie.schemas.registry;

/**
 * A schema registry answered with an error, or could not be reached.
 *
 * <p>Carries the HTTP status and Confluent's {@code error_code} (see {@link ErrorCodes}) so that
 * callers can tell "subject not found" (40401) from "incompatible" (409) without parsing messages.
 * When the registry could not be reached at all, {@link #httpStatus()} is {@link #NO_RESPONSE}.
 */
public class SchemaRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Status used when no HTTP response was received (connection refused, timeout). */
    public static final int NO_RESPONSE = -1;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = NO_RESPONSE;
        this.errorCode = NO_RESPONSE;
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Confluent's {@code error_code} from the response body; the HTTP status when the body carried
     * none; {@link #NO_RESPONSE} when there was no response.
     */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's {@code message}, without the status prefix. */
    public String registryMessage() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        if (httpStatus == NO_RESPONSE) {
            return super.getMessage();
        }
        return "schema registry answered HTTP "
                + httpStatus
                + " error_code "
                + errorCode
                + ": "
                + super.getMessage();
    }
}
