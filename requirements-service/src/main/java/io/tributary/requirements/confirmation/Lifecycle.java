package io.tributary.requirements.confirmation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The confirmation state machine: which action is allowed in which state, and where it leads. */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** The state the action leads to, or empty when it is not allowed in {@code from}. */
    public static Optional<State> next(State from, Action action) {
        State to = switch (action) {
            case CREATE -> null;
            case PROPOSE -> from == State.DRAFT || from == State.CHANGES_REQUESTED ? State.PROPOSED : null;
            case CONFIRM -> from == State.PROPOSED || from == State.NEEDS_RECONFIRMATION ? State.CONFIRMED : null;
            case REQUEST_CHANGES -> from == State.PROPOSED || from == State.NEEDS_RECONFIRMATION
                    ? State.CHANGES_REQUESTED
                    : null;
            case EDIT -> from == State.DRAFT || from == State.CHANGES_REQUESTED ? State.DRAFT : null;
            case REOPEN -> from == State.CONFIRMED ? State.NEEDS_RECONFIRMATION : null;
            case SUPERSEDE -> from.inForce() ? State.SUPERSEDED : null;
        };
        return Optional.ofNullable(to);
    }

    /** The actions allowed in a state, in declaration order. */
    public static List<Action> allowed(State from) {
        return Arrays.stream(Action.values()).filter(action -> next(from, action).isPresent()).toList();
    }

    /**
     * Editing a version in force does not change it: the edit becomes the next version, in {@link State#DRAFT}, and
     * the one in force stays until the new one is confirmed.
     */
    public static boolean editMakesNewVersion(State current) {
        return current.inForce();
    }
}
