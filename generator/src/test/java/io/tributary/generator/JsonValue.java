package io.tributary.generator;

record JsonValue(boolean number, String text) {
}
