package io.tributary.requirements.confirmation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void aDraftIsProposedThenConfirmed() {
        assertEquals(Optional.of(State.PROPOSED), Lifecycle.next(State.DRAFT, Action.PROPOSE));
        assertEquals(Optional.of(State.CONFIRMED), Lifecycle.next(State.PROPOSED, Action.CONFIRM));
    }

    @Test
    void requestedChangesAreEditedAndProposedAgain() {
        assertEquals(Optional.of(State.CHANGES_REQUESTED), Lifecycle.next(State.PROPOSED, Action.REQUEST_CHANGES));
        assertEquals(Optional.of(State.DRAFT), Lifecycle.next(State.CHANGES_REQUESTED, Action.EDIT));
        assertEquals(Optional.of(State.PROPOSED), Lifecycle.next(State.CHANGES_REQUESTED, Action.PROPOSE));
    }

    @Test
    void aConfirmedRequirementIsReopenedAndConfirmedAgainOrSuperseded() {
        assertEquals(Optional.of(State.NEEDS_RECONFIRMATION), Lifecycle.next(State.CONFIRMED, Action.REOPEN));
        assertEquals(Optional.of(State.CONFIRMED), Lifecycle.next(State.NEEDS_RECONFIRMATION, Action.CONFIRM));
        assertEquals(Optional.of(State.SUPERSEDED), Lifecycle.next(State.CONFIRMED, Action.SUPERSEDE));
        assertEquals(Optional.of(State.SUPERSEDED), Lifecycle.next(State.NEEDS_RECONFIRMATION, Action.SUPERSEDE));
    }

    @Test
    void nothingButProposingIsAllowedOnADraftAndNothingAtAllOnASupersededVersion() {
        assertEquals(List.of(Action.PROPOSE, Action.EDIT), Lifecycle.allowed(State.DRAFT));
        assertEquals(List.of(), Lifecycle.allowed(State.SUPERSEDED));
        assertEquals(Optional.empty(), Lifecycle.next(State.DRAFT, Action.CONFIRM));
        assertEquals(Optional.empty(), Lifecycle.next(State.CONFIRMED, Action.CONFIRM));
        assertEquals(Optional.empty(), Lifecycle.next(State.PROPOSED, Action.EDIT));
    }

    @Test
    void onlyVersionsInForceMakeANewVersionWhenEdited() {
        assertTrue(Lifecycle.editMakesNewVersion(State.CONFIRMED));
        assertTrue(Lifecycle.editMakesNewVersion(State.NEEDS_RECONFIRMATION));
        assertFalse(Lifecycle.editMakesNewVersion(State.DRAFT));
        assertFalse(Lifecycle.editMakesNewVersion(State.CHANGES_REQUESTED));
    }
}
