package io.tributary.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files and folders that only their owner may read: keys and passwords of the local suite. */
final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Creates the directory if needed and leaves it to its owner alone (rwx------). */
    static void directory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (POSIX) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + directory, e);
        }
    }

    /**
     * Writes the file readable by its owner only (rw-------): to a temporary file with those permissions first, then
     * moved into place, so that the text is never readable by others, not even for a moment.
     */
    static void write(Path file, String text) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (POSIX) {
                Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(owner));
            }
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
