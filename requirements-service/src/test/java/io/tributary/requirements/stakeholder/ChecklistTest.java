package io.tributary.requirements.stakeholder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.requirements.objective.ObjectiveKind;

class ChecklistTest {

    @Test
    void asksDownstreamAndUpstreamStakeholdersTheirOwnQuestions() {
        assertEquals(List.of(Question.ACTIONS, Question.QUERY_FREQUENCY, Question.UPDATE_FREQUENCY,
                Question.ACCEPTABLE_LATENCY, Question.DEFINITIONS, Question.DETAILS),
                Checklist.open(Direction.DOWNSTREAM, List.of()));
        assertEquals(List.of(Question.VOLUME, Question.FREQUENCY, Question.FORMAT, Question.DISRUPTIONS,
                Question.CHANGE_ANNOUNCEMENT), Checklist.open(Direction.UPSTREAM, List.of()));
    }

    @Test
    void anAnsweredQuestionIsNoLongerOpen() {
        List<Answer> answers = List.of(new Answer(Question.ACTIONS, "retarget campaigns", "dana", Instant.EPOCH));
        assertEquals(5, Checklist.open(Direction.DOWNSTREAM, answers).size());
        assertTrue(!Checklist.open(Direction.DOWNSTREAM, answers).contains(Question.ACTIONS));
    }

    @Test
    void aFreshnessRequirementRestsOnLatencyAndTheUpstreamFrequency() {
        assertTrue(Checklist.dependedOn(ObjectiveKind.FRESHNESS).containsAll(List.of(Question.ACTIONS,
                Question.ACCEPTABLE_LATENCY, Question.FREQUENCY)));
        assertTrue(Checklist.dependedOn(ObjectiveKind.DEFINITION).contains(Question.DEFINITIONS));
    }
}
