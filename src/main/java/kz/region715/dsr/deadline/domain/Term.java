package kz.region715.dsr.deadline.domain;

import java.util.Objects;

/** A length of time in one unit, such as 10 working days or 1 month. */
public record Term(int amount, TermUnit unit) {

    public Term {
        Objects.requireNonNull(unit, "a term needs a unit");
        if (amount < 1) {
            throw new IllegalArgumentException("a term is at least 1, was " + amount);
        }
    }

    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
