package io.tributary.ingestion.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a source's drop folder is: a relative name under the one configured drop root, never outside it. The service
 * reads every file of a drop folder and moves it, and quarantine shows what it read, so a folder anywhere else would
 * let whoever registers a source read (and empty) any directory the service can.
 */
public final class DropFolders {

    /** A Windows drive ({@code C:}) or a UNC path ({@code \\server}): absolute wherever the service runs. */
    private static final Pattern ABSOLUTE_ELSEWHERE = Pattern.compile("^([A-Za-z]:|\\\\\\\\).*");
    private static final int MAX_LENGTH = 255;

    private DropFolders() {
    }

    /** What is wrong with a drop folder's name, each as "dropFolder: what"; empty when it may be used. */
    public static List<String> problems(String name) {
        List<String> problems = new ArrayList<>();
        if (name.length() > MAX_LENGTH) {
            problems.add("dropFolder: at most " + MAX_LENGTH + " characters");
            return problems;
        }
        if (name.startsWith("/") || name.startsWith("\\") || ABSOLUTE_ELSEWHERE.matcher(name).matches()) {
            problems.add("dropFolder: must be a folder relative to the drop root, such as 'webshop'; found the "
                    + "absolute path '" + name + "'");
            return problems;
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                problems.add("dropFolder: '..' is not allowed: the folder must stay under the drop root; found '"
                        + name + "'");
                return problems;
            }
        }
        if (name.indexOf('\0') >= 0) {
            problems.add("dropFolder: must not contain a NUL character");
            return problems;
        }
        try {
            Path.of(name);
        } catch (InvalidPathException e) {
            problems.add("dropFolder: not a folder name on this system: " + e.getReason());
        }
        return problems;
    }

    /**
     * The folder under the root, or empty when the name is not allowed or the folder leads out of the root through a
     * symbolic link (of the folder itself or of a folder above it). The root is created when it does not exist.
     */
    public static Optional<Path> resolve(Path root, String name) throws IOException {
        if (!problems(name).isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(root);
        Path realRoot = root.toRealPath();
        Path folder = realRoot.resolve(name).normalize();
        if (!folder.startsWith(realRoot)) {
            return Optional.empty();
        }
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !existing.toRealPath().startsWith(realRoot)) {
            return Optional.empty();
        }
        return Optional.of(folder);
    }
}
