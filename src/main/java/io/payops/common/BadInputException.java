package io.payops.common;

/**
 * Input from outside (a file, a command-line value, an event log line) that is not what was expected. The message
 * names the source, the field and what was expected; the command line turns it into exit status 2.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "scenario file 'x.json': faults[0].severity: 1.5 is out of range (expected a number from 0 to 1)". */
    public static BadInputException field(String source, String field, String problem) {
        return new BadInputException(source + ": " + field + ": " + problem);
    }
}
