package io.tributary.requirements.api;

import java.time.Instant;
import java.util.List;

/**
 * An objective's evaluations over time, one point per step.
 *
 * @param step the step as ISO 8601
 */
public record SloHistoryResponse(long id, Instant from, Instant to, String step, String unit, List<Point> points) {

    /**
     * The evaluations of one step: VIOLATED when one of them was, else MET when one was, else NO_DATA.
     *
     * @param last the value of the step's last evaluation
     */
    public record Point(Instant start, String state, int evaluations, int met, int violated, int noData, Double min,
            Double max, Double last) {
    }
}
