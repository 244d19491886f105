package io.tributary.generator;

record Customer(String id, String name, String segment) {
}
