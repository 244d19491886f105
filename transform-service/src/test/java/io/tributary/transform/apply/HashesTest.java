package io.tributary.transform.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class HashesTest {

    @Test
    void hashesAsTheStandardVectorSays() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Hashes.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hashes.sha256(new byte[0]));
    }

    @Test
    void aThreadsOwnDigestHashesAsANewDigestPerRecordOnEveryThread() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                done.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 2_000; i++) {
                        // around the block size (55, 56, 64 bytes pad differently) and records of a few hundred bytes
                        byte[] data = new byte[i % 3 == 0 ? 50 + random.nextInt(20) : random.nextInt(2_000)];
                        random.nextBytes(data);
                        assertEquals(Hashes.plainSha256(data), Hashes.sha256(data));
                    }
                    return 2_000;
                }));
            }
            for (Future<Integer> hashed : done) {
                assertEquals(2_000, hashed.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
