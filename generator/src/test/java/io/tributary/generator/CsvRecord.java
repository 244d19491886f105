package io.tributary.generator;

import java.util.List;

record CsvRecord(List<String> fields, String raw) {
}
