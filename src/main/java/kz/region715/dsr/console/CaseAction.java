package kz.region715.dsr.console;

import java.util.Locale;
import java.util.Optional;

/** What an officer can do to a case from its page: the API's case actions, and a legal hold on a matched lead. */
public enum CaseAction {
    ASSIGN, NOTE, ASK, APPROVE, REJECT, EXTEND, CANCEL, HOLD;

    /** The action's segment in the console's addresses ({@code /console/cases/{id}/approve}). */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CaseAction> ofPath(String path) {
        for (CaseAction action : values()) {
            if (action.path().equals(path)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
