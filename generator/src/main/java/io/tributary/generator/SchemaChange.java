package io.tributary.generator;

public enum SchemaChange {
    ADD_COLUMN,
    RENAME_COLUMN
}
