package io.tributary.generator;

record Place(String city, String state, String postalCode, String region) {
}
