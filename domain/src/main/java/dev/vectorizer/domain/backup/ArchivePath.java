package dev.vectorizer.domain.backup;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a collection's file sits in a backup archive: {@code collections/{collection}/{file}}. The
 * only other entry an archive may hold is {@value #MANIFEST}. A file name is one path segment of
 * letters, digits, {@code _ . -} not starting with a dot, so no entry can be absolute, climb out
 * with {@code ..}, or name a directory; links and other entry kinds are refused where entries are read.
 */
public record ArchivePath(CollectionName collection, String file) {

    public static final String MANIFEST = "manifest.json";
    private static final String FILE = "[A-Za-z0-9_][A-Za-z0-9._-]{0,127}";
    private static final Pattern FILE_NAME = Pattern.compile(FILE);
    private static final Pattern PATH = Pattern.compile("collections/([^/]+)/(" + FILE + ")");

    public ArchivePath {
        InvalidValueException.require(collection != null, "archive path needs a collection");
        InvalidValueException.require(file != null && FILE_NAME.matcher(file).matches() && !file.contains(".."),
                "archive file name '" + file + "' is not allowed");
    }

    /** The path of an archive entry other than the manifest; anything else is refused. */
    public static ArchivePath parse(String entry) {
        Matcher m = entry == null ? null : PATH.matcher(entry);
        if (m == null || !m.matches() || m.group(2).contains("..")) {
            throw new InvalidValueException("archive entry '" + entry + "' is not allowed: entries are " + MANIFEST
                    + " and collections/{collection}/{file}");
        }
        try {
            return new ArchivePath(new CollectionName(m.group(1)), m.group(2));
        } catch (InvalidValueException e) {
            throw new InvalidValueException("archive entry '" + entry + "' is not allowed: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "collections/" + collection + "/" + file;
    }
}
