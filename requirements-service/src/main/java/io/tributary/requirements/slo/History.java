package io.tributary.requirements.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tributary.requirements.repository.SloRepository;

/** An objective's evaluations from {@code from} to {@code to}, summed per {@code step}. */
public record History(long requirementId, Instant from, Instant to, Duration step, String unit,
        List<SloRepository.HistoryPoint> points) {
}
