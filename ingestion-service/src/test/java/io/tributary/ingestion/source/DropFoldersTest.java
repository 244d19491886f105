package io.tributary.ingestion.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFoldersTest {

    @TempDir
    Path temp;

    @Test
    void acceptsRelativeNamesUnderTheRoot() throws IOException {
        Path root = Files.createDirectories(temp.resolve("drop"));
        for (String name : List.of("webshop", "webshop/daily", "./webshop", "webshop/./daily")) {
            assertEquals(List.of(), DropFolders.problems(name), name);
            assertEquals(Optional.of(root.toRealPath().resolve(name).normalize()), DropFolders.resolve(root, name),
                    name);
        }
    }

    @Test
    void refusesAbsolutePathsAndParentSegments() throws IOException {
        for (String name : List.of("/etc", "\\etc", "C:\\data", "c:/data", "\\\\server\\share", "..", "../x",
                "a/../../x", "a\\..\\..\\x", "a/..", "x\0y")) {
            assertEquals(1, DropFolders.problems(name).size(), name);
            assertTrue(DropFolders.problems(name).get(0).startsWith("dropFolder: "), name);
            assertEquals(Optional.empty(), DropFolders.resolve(temp.resolve("drop"), name), name);
        }
    }

    @Test
    void refusesAFolderThatLeadsOutThroughASymbolicLink() throws IOException {
        Path root = Files.createDirectories(temp.resolve("drop"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("in"), Files.createDirectories(root.resolve("real")));

        assertEquals(Optional.empty(), DropFolders.resolve(root, "out"));
        assertEquals(Optional.empty(), DropFolders.resolve(root, "out/not-yet-there"));
        assertTrue(DropFolders.resolve(root, "in").isPresent(), "a link that stays under the root is followed");
    }
}
