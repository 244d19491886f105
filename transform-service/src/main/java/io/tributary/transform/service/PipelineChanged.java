package io.tributary.transform.service;

/** A new version of a pipeline was stored; fired inside the transaction that stored it. */
public record PipelineChanged(String name, int version) {
}
