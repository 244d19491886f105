package io.tributary.ingestion.drift;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.catalog.contract.ContractProperty;
import io.tributary.catalog.contract.DataContract;

/** Applies the date-time formats an operator accepted for a source over the contract's own. */
public final class ContractFormats {

    private ContractFormats() {
    }

    public static DataContract apply(DataContract contract, Map<String, String> formats) {
        if (formats.isEmpty()) {
            return contract;
        }
        return contract.withProperties(contract.properties().stream()
                .map(p -> formats.containsKey(p.name()) ? withFormat(p, formats.get(p.name())) : p)
                .toList());
    }

    public static ContractProperty withFormat(ContractProperty p, String format) {
        Map<String, Object> options = new LinkedHashMap<>(p.logicalTypeOptions());
        options.put("format", format);
        return p.withOptions(options);
    }
}
