package io.tributary.generator;

import java.util.List;
import java.util.Optional;

interface LineEncoder {

    Optional<String> header(List<String> columns);

    String encode(List<String> columns, List<String> values);
}
