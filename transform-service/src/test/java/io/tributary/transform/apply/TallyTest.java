package io.tributary.transform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.transform.apply.Item.Mode;
import io.tributary.transform.progress.PipelineProgress;

class TallyTest {

    private static RowDecision write(RowDecision.Effect effect, boolean late) {
        return new RowDecision.Write(null, effect, null, late);
    }

    @Test
    void countsEveryLiveRecordAsReceivedAndOnceAsWhatBecameOfIt() {
        Tally tally = new Tally();
        List<RowDecision> decisions = List.of(write(RowDecision.Effect.CURATED, false),
                write(RowDecision.Effect.CORRECTED, true), write(RowDecision.Effect.FILTERED, false),
                write(RowDecision.Effect.FAILED, false), new RowDecision.Repeat(), new RowDecision.Superseded(),
                new RowDecision.AppliedFirstByBackfill());

        decisions.forEach(decision -> tally.count(Mode.LIVE, decision));

        PipelineProgress p = tally.progress();
        assertEquals(7, p.received());
        assertEquals(p.received(), p.curated() + p.corrected() + p.duplicates() + p.filtered() + p.failed()
                + p.superseded());
        assertEquals(List.of(2L, 1L, 1L, 1L, 1L, 1L, 1L), List.of(p.curated(), p.corrected(), p.duplicates(),
                p.filtered(), p.failed(), p.superseded(), p.late()));
    }

    @Test
    void countsRecordsOfABackfillOnlyAsRederivedWhenWritten() {
        Tally tally = new Tally();
        for (Mode mode : List.of(Mode.REPLAY, Mode.REDERIVE)) {
            tally.count(mode, write(RowDecision.Effect.REDERIVED, true));
            tally.count(mode, new RowDecision.Repeat());
            tally.count(mode, new RowDecision.Superseded());
            tally.count(mode, new RowDecision.Unchanged());
        }

        assertEquals(new PipelineProgress(0, 0, 0, 0, 0, 0, 0, 0, 2, null, null), tally.progress());
    }
}
