package io.tributary.ingestion.quarantine;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.security.identity.SecurityIdentity;
import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractReader;
import io.tributary.catalog.entity.BatchEntity;
import io.tributary.catalog.entity.QuarantinedRecordEntity;
import io.tributary.catalog.entity.SourceEntity;
import io.tributary.catalog.masking.Masking;
import io.tributary.catalog.masking.PersonalData;
import io.tributary.catalog.repository.BatchRepository;
import io.tributary.catalog.repository.ContractVersionRepository;
import io.tributary.catalog.repository.SourceRepository;
import io.tributary.ingestion.api.QuarantinedRecordResponse;
import io.tributary.ingestion.parsing.CsvFormat;
import io.tributary.ingestion.parsing.CsvReader;
import io.tributary.ingestion.parsing.CsvRecord;
import io.tributary.ingestion.parsing.FormatOptions;

/**
 * Where the quarantine's personal values are masked (decision 0037): every entry answered to someone who may not see
 * them passes here before it is serialised. The dataset's current contract says which fields are personal; an entry
 * about one of them has its value masked, and the value masked in its reason; its raw text has the personal fields'
 * values replaced: the fields of a delimited line found by its batch's header, the members of a JSON document by name.
 * A line that cannot be matched with its header is masked whole.
 */
@ApplicationScoped
@Transactional
public class QuarantineMasking {

    /**
     * How one batch's records are masked: for a delimited source, how many fields its header has, which of them are
     * personal and the source's format; for JSON text, no format.
     */
    record Layout(int columns, Set<Integer> personal, CsvFormat csv) {

        static final Layout JSON = new Layout(0, Set.of(), null);
    }

    /** The personal names of a dataset whose contract cannot be read: its entries' values and texts are masked whole. */
    static final Set<String> UNKNOWN = Set.of("*");

    private final SecurityIdentity identity;
    private final ContractVersionRepository contracts;
    private final BatchRepository batches;
    private final SourceRepository sources;

    public QuarantineMasking(SecurityIdentity identity, ContractVersionRepository contracts, BatchRepository batches,
            SourceRepository sources) {
        this.identity = identity;
        this.contracts = contracts;
        this.batches = batches;
        this.sources = sources;
    }

    /** The entries as the caller may see them: unchanged for a role that sees personal values, masked otherwise. */
    public List<QuarantinedRecordResponse> forCaller(List<QuarantinedRecordResponse> entries) {
        if (PersonalData.seenBy(identity.getRoles())) {
            return entries;
        }
        Map<String, Set<String>> personal = new HashMap<>();
        Map<UUID, Optional<Layout>> layouts = new HashMap<>();
        return entries.stream().map(entry -> {
            Set<String> names = personal.computeIfAbsent(entry.dataset(), this::personalFields);
            return names.isEmpty()
                    ? entry
                    : mask(entry, names, names == UNKNOWN
                            ? Optional.empty()
                            : layouts.computeIfAbsent(entry.batch(), batch -> layout(batch, names)));
        }).toList();
    }

    /** The entry with the personal values of its dataset masked. */
    static QuarantinedRecordResponse mask(QuarantinedRecordResponse entry, Set<String> names,
            Optional<Layout> layout) {
        if (names == UNKNOWN) {
            return new QuarantinedRecordResponse(entry.id(), entry.batch(), entry.dataset(), entry.line(),
                    entry.item(), entry.field(), entry.rule(), Masking.value(entry.value()),
                    Masking.text(entry.reason(), entry.value()),
                    Masking.value(entry.raw()), entry.stage(), entry.step(), entry.sqlState(), entry.createdAt());
        }
        boolean personalField = entry.field() != null && names.contains(entry.field());
        String value = personalField ? Masking.value(entry.value()) : entry.value();
        String reason = personalField ? Masking.text(entry.reason(), entry.value()) : entry.reason();
        String raw;
        if (!QuarantinedRecordEntity.INGESTION.equals(entry.stage())) {
            raw = Masking.json(entry.raw(), names); // a pipeline's record: the JSON of its fields
        } else if (layout.isEmpty()) {
            raw = Masking.value(entry.raw());
        } else if (layout.get().csv() == null) {
            raw = Masking.json(entry.raw(), names);
        } else {
            raw = delimited(entry.raw(), layout.get());
        }
        return new QuarantinedRecordResponse(entry.id(), entry.batch(), entry.dataset(), entry.line(), entry.item(),
                entry.field(), entry.rule(), value, reason, raw, entry.stage(), entry.step(), entry.sqlState(),
                entry.createdAt());
    }

    /** A delimited line with the fields under personal names masked; whole when it does not match its header. */
    static String delimited(String raw, Layout layout) {
        CsvRecord row;
        try {
            row = new CsvReader(new StringReader(raw), layout.csv()).next();
        } catch (IOException | RuntimeException e) {
            return Masking.value(raw);
        }
        if (row == null || row.fields().size() != layout.columns()) {
            return Masking.value(raw);
        }
        return layout.personal().isEmpty()
                ? raw
                : Masking.delimited(row.fields(), layout.personal(), layout.csv().delimiter(), layout.csv().quote());
    }

    /**
     * The names the dataset's personal values are found under; {@link #UNKNOWN} when its stored contract is one today's
     * reader refuses, so that what it classifies is not known.
     */
    private Set<String> personalFields(String dataset) {
        try {
            return contracts.findCurrent(dataset)
                    .map(current -> PersonalData.fieldNames(ContractReader.read(ContractReader.parse(
                            current.document, ContractReader.Syntax.JSON), dataset)))
                    .orElse(Set.of());
        } catch (ContractException e) {
            return UNKNOWN;
        }
    }

    /**
     * How the batch's records are masked: for a delimited source, the positions in its header of the personal fields,
     * each header name taken both as it came and as the source's aliases map it; empty when the batch or its header is
     * not known (its records are then masked whole).
     */
    private Optional<Layout> layout(UUID batchId, Set<String> names) {
        BatchEntity batch = batchId == null ? null : batches.findById(batchId);
        SourceEntity source = batch == null ? null : sources.findByName(batch.source).orElse(null);
        if (source == null) {
            return Optional.empty();
        }
        if (source.format != SourceEntity.Format.CSV) {
            return Optional.of(Layout.JSON);
        }
        if (batch.fields == null) {
            return Optional.empty();
        }
        Set<Integer> personal = new HashSet<>();
        for (int i = 0; i < batch.fields.size(); i++) {
            String name = batch.fields.get(i);
            if (names.contains(name) || names.contains(source.columnAliases.getOrDefault(name, name))) {
                personal.add(i);
            }
        }
        return Optional.of(new Layout(batch.fields.size(), personal, FormatOptions.csvFormat(source.options)));
    }
}
