package io.tributary.ingestion.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDecodingTest {

    @Test
    void byteOrderMarksAreRecognisedAndMeasured() {
        assertDetected(StandardCharsets.UTF_8, 3, 0xef, 0xbb, 0xbf, 'a');
        assertDetected(StandardCharsets.UTF_16BE, 2, 0xfe, 0xff, 0, 'a');
        assertDetected(StandardCharsets.UTF_16LE, 2, 0xff, 0xfe, 'a', 0);
        assertDetected(Charset.forName("UTF-32BE"), 4, 0, 0, 0xfe, 0xff, 0, 0, 0, 'a');
        assertDetected(Charset.forName("UTF-32LE"), 4, 0xff, 0xfe, 0, 0, 'a', 0, 0, 0);
    }

    @Test
    void utf16WithoutAMarkIsToldByAlternatingZeroBytes() {
        assertDetected(StandardCharsets.UTF_16BE, 0, 0, '[', 0, '{');
        assertDetected(StandardCharsets.UTF_16LE, 0, '[', 0, '{', 0);
    }

    @Test
    void validUtf8IsUtf8() {
        assertDetected(StandardCharsets.UTF_8, 0, 'a', 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80);
        assertDetected(StandardCharsets.UTF_8, 0);
    }

    @Test
    void anythingNotStrictlyUtf8IsWindows1252() {
        assertDetected(TextDecoding.WINDOWS_1252, 0, 'c', 'a', 'f', 0xe9);
        // overlong form of '/'
        assertDetected(TextDecoding.WINDOWS_1252, 0, 0xc0, 0xaf);
        // an encoded surrogate (U+D800)
        assertDetected(TextDecoding.WINDOWS_1252, 0, 0xed, 0xa0, 0x80);
        // above U+10FFFF
        assertDetected(TextDecoding.WINDOWS_1252, 0, 0xf4, 0x90, 0x80, 0x80);
        // a lone continuation byte
        assertDetected(TextDecoding.WINDOWS_1252, 0, 'a', 0x80, 'b');
    }

    @Test
    void aSequenceCutAtTheEndIsValidOnlyWhenTheFileGoesOn() {
        byte[] cut = Records.bytes('a', 0xe2, 0x82);
        assertEquals(StandardCharsets.UTF_8, TextDecoding.detect(cut, cut.length, false).charset());
        assertEquals(TextDecoding.WINDOWS_1252, TextDecoding.detect(cut, cut.length, true).charset());
    }

    private static void assertDetected(Charset charset, int markLength, int... bytes) {
        byte[] sample = Records.bytes(bytes);
        assertEquals(new TextDecoding.Detected(charset, markLength), TextDecoding.detect(sample, sample.length, true));
    }
}
