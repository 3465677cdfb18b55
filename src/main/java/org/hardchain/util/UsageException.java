package org.hardchain.util;

/**
 * A request the library refuses because of its parameters, not because of a malformed
 * file: an infeasible parameter combination, or a size estimate above a limit the user
 * set. The CLI reports the message on one line and exits with code 2.
 *
 * <p>Messages carry the offending values, e.g. {@code "--prime 7 must exceed the number
 * of blocks T = 9"}.
 */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
