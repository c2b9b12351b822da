package kz.region715.dsr.deadline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TermAndPolicyTest {

    private static final Term TEN_WD = new Term(10, TermUnit.WORKING_DAYS);
    private static final Term FIVE_WD = new Term(5, TermUnit.WORKING_DAYS);

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void termIsAtLeastOne(int amount) {
        assertThatThrownBy(() -> new Term(amount, TermUnit.CALENDAR_DAYS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void termNeedsAUnit() {
        assertThatThrownBy(() -> new Term(1, null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, true", "1, false", "2, false"})
    void oneExtensionAllowedOnce(int alreadyGranted, boolean allowed) {
        assertThat(policy(FIVE_WD, 1).allowsExtension(alreadyGranted)).isEqualTo(allowed);
    }

    @Test
    void noExtensionTermMeansNoExtension() {
        DeadlinePolicy policy = policy(null, 0);
        assertThat(policy.allowsExtension(0)).isFalse();
        assertThat(policy.id()).isEqualTo("KZ/ACCESS");
    }

    @Test
    void extensionTermAndCountMustAgree() {
        assertThatThrownBy(() -> policy(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy(FIVE_WD, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy(FIVE_WD, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policyNeedsItsCitation() {
        assertThatThrownBy(() -> new DeadlinePolicy("KZ", "ACCESS", TEN_WD, ClockStart.RECEIPT, null, 0, false,
                Basis.STATUTORY, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withTermKeepsEverythingElse() {
        DeadlinePolicy policy = policy(FIVE_WD, 1);
        DeadlinePolicy changed = policy.withTerm(new Term(7, TermUnit.WORKING_DAYS));
        assertThat(changed.term()).isEqualTo(new Term(7, TermUnit.WORKING_DAYS));
        assertThat(changed).usingRecursiveComparison().ignoringFields("term").isEqualTo(policy);
    }

    private static DeadlinePolicy policy(Term extension, int maxExtensions) {
        return new DeadlinePolicy("KZ", "ACCESS", TEN_WD, ClockStart.VERIFICATION, extension, maxExtensions, true,
                Basis.INTERNAL_TARGET, "Art. 24(1)(1)");
    }
}
