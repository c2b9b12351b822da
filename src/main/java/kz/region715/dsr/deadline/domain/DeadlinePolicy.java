package kz.region715.dsr.deadline.domain;

import java.util.Objects;

/**
 * The deadline rule for one request type in one jurisdiction: how long, from which event, whether and how
 * often it may be extended, whether it stops while the operator waits for the subject, and on what basis.
 *
 * @param extension null when the term cannot be extended; then {@code maxExtensions} is 0
 */
public record DeadlinePolicy(String jurisdiction, String requestType, Term term, ClockStart clockStart,
        Term extension, int maxExtensions, boolean pausesWhileAwaitingSubject, Basis basis, String citation) {

    public DeadlinePolicy {
        requireText(jurisdiction, "jurisdiction");
        requireText(requestType, "requestType");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(basis, "basis");
        requireText(citation, "citation");
        if (maxExtensions < 0) {
            throw new IllegalArgumentException("maxExtensions cannot be negative");
        }
        if (extension == null && maxExtensions != 0) {
            throw new IllegalArgumentException(jurisdiction + "/" + requestType
                    + ": maxExtensions must be 0 when there is no extension term");
        }
        if (extension != null && maxExtensions == 0) {
            throw new IllegalArgumentException(jurisdiction + "/" + requestType
                    + ": an extension term needs maxExtensions of at least 1");
        }
    }

    public String id() {
        return jurisdiction + "/" + requestType;
    }

    public boolean allowsExtension(int alreadyGranted) {
        return extension != null && alreadyGranted < maxExtensions;
    }

    /** The same policy with another main term (an operator's internal target, for instance). */
    public DeadlinePolicy withTerm(Term newTerm) {
        return new DeadlinePolicy(jurisdiction, requestType, newTerm, clockStart, extension, maxExtensions,
                pausesWhileAwaitingSubject, basis, citation);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a deadline policy needs a " + name);
        }
    }
}
