package io.tributary.requirements.slo;

/**
 * One evaluation of an objective.
 *
 * @param value the measured value in the objective's unit ({@link Units#of}); null when there is none
 */
public record Evaluation(Status state, Double value) {

    public static final Evaluation NO_DATA = new Evaluation(Status.NO_DATA, null);

    public static Evaluation of(boolean met, double value) {
        return new Evaluation(met ? Status.MET : Status.VIOLATED, value);
    }
}
