package io.tributary.requirements.stakeholder;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.tributary.requirements.objective.ObjectiveKind;

/** Which checklist questions are open, and which of them a requirement depends on. */
public final class Checklist {

    private Checklist() {
    }

    public static List<Question> open(Direction direction, Collection<Answer> answers) {
        Set<Question> answered = EnumSet.noneOf(Question.class);
        answers.forEach(answer -> answered.add(answer.question()));
        return Question.forDirection(direction).stream().filter(question -> !answered.contains(question)).toList();
    }

    /**
     * The questions whose answers a requirement with an objective of {@code kind} (null: none) rests on. A
     * downstream stakeholder's actions always matter; the rest follow the kind.
     */
    public static Set<Question> dependedOn(ObjectiveKind kind) {
        Set<Question> questions = EnumSet.of(Question.ACTIONS);
        if (kind == null) {
            questions.add(Question.DETAILS);
            return questions;
        }
        switch (kind) {
            case FRESHNESS, LATENCY -> questions.addAll(List.of(Question.ACCEPTABLE_LATENCY,
                    Question.UPDATE_FREQUENCY, Question.FREQUENCY, Question.DISRUPTIONS));
            case FREQUENCY -> questions.addAll(List.of(Question.UPDATE_FREQUENCY, Question.FREQUENCY));
            case TIME_OF_AVAILABILITY -> questions.addAll(List.of(Question.DEFINITIONS, Question.UPDATE_FREQUENCY,
                    Question.FREQUENCY, Question.DISRUPTIONS));
            case ERROR_RATE -> questions.addAll(List.of(Question.DETAILS, Question.FORMAT, Question.DISRUPTIONS));
            case VOLUME -> questions.addAll(List.of(Question.VOLUME, Question.DETAILS));
            case AVAILABILITY -> questions.add(Question.QUERY_FREQUENCY);
            case RETENTION -> questions.add(Question.DETAILS);
            case DEFINITION -> questions.addAll(List.of(Question.DEFINITIONS, Question.CHANGE_ANNOUNCEMENT));
        }
        return questions;
    }
}
