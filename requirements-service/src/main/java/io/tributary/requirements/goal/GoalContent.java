package io.tributary.requirements.goal;

/**
 * What a business goal says.
 *
 * @param successMeasure how the business tells that the goal is reached
 */
public record GoalContent(String title, String description, String successMeasure, String owner) {
}
