package io.tributary.ingestion.drift;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.catalog.event.EventJson;
import io.tributary.ingestion.parsing.SourceRecord;

/** The profiles of every field of an input, by field name, and their JSON as the catalog keeps it. */
public final class FieldProfiles {

    /** The JSON object of profiles by field name. */
    private static final class ByField extends LinkedHashMap<String, FieldProfile> {
        private static final long serialVersionUID = 1L;
    }

    private FieldProfiles() {
    }

    /** The profile of each field of a sample, from its non-empty values, in the order the fields first appear. */
    public static Map<String, FieldProfile> of(List<SourceRecord> sample) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (SourceRecord record : sample) {
            if (!record.isReadable()) {
                continue;
            }
            List<String> names = record.names();
            for (int i = 0; i < names.size() && i < record.values().size(); i++) {
                String value = record.values().get(i);
                List<String> field = values.computeIfAbsent(names.get(i), name -> new ArrayList<>());
                if (value != null && !value.isBlank()) {
                    field.add(value);
                }
            }
        }
        Map<String, FieldProfile> profiles = new LinkedHashMap<>();
        values.forEach((name, field) -> profiles.put(name, FieldProfile.of(field)));
        return profiles;
    }

    /** Earlier profiles and later ones of the same fields as one. */
    public static Map<String, FieldProfile> merge(Map<String, FieldProfile> earlier, Map<String, FieldProfile> later) {
        Map<String, FieldProfile> merged = new LinkedHashMap<>(earlier);
        later.forEach((name, profile) -> merged.merge(name, profile, FieldProfile::merge));
        return merged;
    }

    public static Map<String, FieldProfile> read(String json) {
        return json == null ? Map.of() : EventJson.read(json.getBytes(StandardCharsets.UTF_8), ByField.class);
    }

    public static String write(Map<String, FieldProfile> profiles) {
        ByField byField = new ByField();
        byField.putAll(profiles);
        return new String(EventJson.write(byField), StandardCharsets.UTF_8);
    }
}
