package io.tributary.requirements.stakeholder;

import java.util.Arrays;
import java.util.List;

/** The requirements-gathering checklist: what to ask a stakeholder, by their direction. */
public enum Question {
    ACTIONS(Direction.DOWNSTREAM, "What actions will you take with the data?"),
    QUERY_FREQUENCY(Direction.DOWNSTREAM, "How often will you query the data?"),
    UPDATE_FREQUENCY(Direction.DOWNSTREAM, "How often do you need the data updated?"),
    ACCEPTABLE_LATENCY(Direction.DOWNSTREAM, "How old may the data be when you use it (acceptable latency)?"),
    DEFINITIONS(Direction.DOWNSTREAM, "Which definitions apply: time zone, start and end of a day, currency?"),
    DETAILS(Direction.DOWNSTREAM, "Which details do you need (fields, granularity, history)?"),
    VOLUME(Direction.UPSTREAM, "How much data do your systems produce (rows per day, peaks)?"),
    FREQUENCY(Direction.UPSTREAM, "How often can the data be handed over?"),
    FORMAT(Direction.UPSTREAM, "In which format and by which way in (files, events, topic)?"),
    DISRUPTIONS(Direction.UPSTREAM, "Which disruptions should we expect: outages, late data, schema changes?"),
    CHANGE_ANNOUNCEMENT(Direction.UPSTREAM, "How and how early are changes announced?");

    private final Direction direction;
    private final String text;

    Question(Direction direction, String text) {
        this.direction = direction;
        this.text = text;
    }

    public Direction direction() {
        return direction;
    }

    public String text() {
        return text;
    }

    /** The questions for stakeholders of a direction, in checklist order. */
    public static List<Question> forDirection(Direction direction) {
        return Arrays.stream(values()).filter(question -> question.direction == direction).toList();
    }
}
