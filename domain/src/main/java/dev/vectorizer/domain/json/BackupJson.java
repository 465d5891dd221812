package dev.vectorizer.domain.json;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.RestoreRequest;
import dev.vectorizer.domain.backup.RestoredCollection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backups in JSON. A new one: {@code {"name","collections"?}} (all collections when absent); shown as
 * {@code {"id","name","status","progress","collections","vector_count","size_bytes","sha256",
 * "format_version","created_at"}} ({@code sha256} null until ready). A restore:
 * {@code {"backup_id","collections"?,"rename"?:{"old":"new"},"replace"?:false}} answered with
 * {@code {"backup_id","restored":[{"from","to","vector_count","replaced"}]}}.
 */
public final class BackupJson {

    private BackupJson() {
    }

    public static String name(JsonFields request) {
        return request.string("name");
    }

    /** The collections a request names, or empty for all of them. */
    public static Optional<List<CollectionName>> collections(JsonFields request) {
        return request.has("collections")
                ? Optional.of(request.strings("collections").stream().map(CollectionName::new).toList())
                : Optional.empty();
    }

    public static RestoreRequest restore(JsonFields request) {
        Map<CollectionName, CollectionName> rename = new LinkedHashMap<>();
        request.optionalObject("rename").ifPresent(names ->
                names.fields().forEach(from -> rename.put(new CollectionName(from), new CollectionName(names.string(from)))));
        return new RestoreRequest(BackupId.named(request.string("backup_id")), collections(request), rename, request.bool("replace", false));
    }

    public static Map<String, Object> write(Backup backup) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", backup.id().value());
        json.put("name", backup.name());
        json.put("status", backup.status().wireName());
        json.put("progress", backup.progress());
        json.put("collections", backup.collections().stream().map(CollectionName::value).toList());
        json.put("vector_count", backup.vectorCount());
        json.put("size_bytes", backup.sizeBytes());
        json.put("sha256", backup.sha256().orElse(null));
        json.put("format_version", backup.formatVersion());
        json.put("created_at", backup.createdAt().toString());
        return json;
    }

    /** {@code {"backups":[..]}}. */
    public static Map<String, Object> list(List<Backup> backups) {
        return Map.of("backups", backups.stream().map(BackupJson::write).toList());
    }

    public static Map<String, Object> restored(BackupId backup, List<RestoredCollection> restored) {
        return Json.object("backup_id", backup.value(), "restored", restored.stream()
                .map(r -> Json.object("from", r.from().value(), "to", r.to().value(), "vector_count", r.vectorCount(), "replaced", r.replaced()))
                .toList());
    }
}
