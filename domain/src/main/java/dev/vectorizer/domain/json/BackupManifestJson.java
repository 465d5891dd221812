package dev.vectorizer.domain.json;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.ArchiveFile;
import dev.vectorizer.domain.backup.ArchivePath;
import dev.vectorizer.domain.backup.BackupManifest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backup's manifest ({@code manifest.json}, the archive's first entry):
 * {@code {"format_version":1,"tenant","created_at","collections":[{"name","dimension","metric","hnsw",
 * "quantization","embedding_model"?,"created_at","vector_count","files":[{"path","size","sha256"}]}]}}.
 * Reading is strict (the codec's parser) and refuses an unknown format version before anything else.
 */
public final class BackupManifestJson {

    /** A manifest larger than this is not one this server wrote. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private BackupManifestJson() {
    }

    public static byte[] write(BackupManifest manifest) {
        return Json.writeUtf8(Json.object(
                "format_version", manifest.formatVersion(),
                "tenant", manifest.tenant().value(),
                "created_at", manifest.createdAt().toString(),
                "collections", manifest.collections().stream().map(BackupManifestJson::entry).toList()));
    }

    private static Map<String, Object> entry(BackupManifest.Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", entry.name().value());
        json.putAll(CollectionJson.spec(entry.spec()));
        json.put("created_at", entry.createdAt().toString());
        json.put("vector_count", entry.vectorCount());
        json.put("files", entry.files().stream()
                .map(f -> Json.object("path", f.path().toString(), "size", f.size(), "sha256", f.sha256())).toList());
        return json;
    }

    /** The manifest in {@code utf8}; anything malformed or unknown is an {@link InvalidValueException} saying what. */
    public static BackupManifest read(byte[] utf8) {
        try {
            JsonFields json = JsonFields.body(Json.parse(utf8));
            int version = json.integer("format_version");
            InvalidValueException.require(version == BackupManifest.FORMAT_VERSION,
                    "unknown backup format_version " + version + " (this server reads " + BackupManifest.FORMAT_VERSION + ")");
            List<BackupManifest.Entry> entries = json.objects("collections").stream().map(BackupManifestJson::entry).toList();
            return new BackupManifest(version, new TenantId(json.string("tenant")), instant(json, "created_at"), entries);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("backup manifest: " + e.getMessage());
        }
    }

    private static BackupManifest.Entry entry(JsonFields json) {
        List<ArchiveFile> files = json.objects("files").stream()
                .map(f -> new ArchiveFile(ArchivePath.parse(f.string("path")), f.longInteger("size"), f.string("sha256"))).toList();
        return new BackupManifest.Entry(new CollectionName(json.string("name")), CollectionJson.spec(json), instant(json, "created_at"),
                json.longInteger("vector_count"), files);
    }

    private static Instant instant(JsonFields json, String field) {
        try {
            return Instant.parse(json.string(field));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("'" + json.path(field) + "' must be an ISO-8601 instant");
        }
    }
}
