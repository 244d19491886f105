package io.tributary.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void handsOutEachPortOnceEvenWhenItIsFreeAgain() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ports.add(FreePort.orAny(0));
        }
        assertEquals(500, ports.size());
    }

    @Test
    void keepsAConfiguredPort() {
        assertEquals(15432, FreePort.orAny(15432));
        assertEquals(15432, FreePort.orAny(15432));
    }
}
