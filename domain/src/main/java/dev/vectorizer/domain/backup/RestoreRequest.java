package dev.vectorizer.domain.backup;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to restore from a backup: all or some of its collections, some perhaps under new names, and
 * whether a collection of the same name that exists may be replaced (else that is a conflict).
 */
public record RestoreRequest(BackupId backup, Optional<List<CollectionName>> collections, Map<CollectionName, CollectionName> rename,
        boolean replace) {

    /** One collection of the backup and the name it is restored under. */
    public record Target(BackupManifest.Entry source, CollectionName name) {
    }

    public RestoreRequest {
        InvalidValueException.require(backup != null && collections != null && rename != null, "restore fields are required");
        collections = collections.map(List::copyOf);
        collections.ifPresent(names -> InvalidValueException.require(!names.isEmpty() && Set.copyOf(names).size() == names.size(),
                "collections must name each collection once, and at least one"));
        rename = Map.copyOf(rename);
    }

    /**
     * The collections of {@code manifest} this request restores and their names: a named collection
     * the backup does not hold is not found; a rename of a collection not restored is refused, and so
     * are two collections restored under one name.
     */
    public List<Target> targets(BackupManifest manifest) {
        List<CollectionName> chosen = collections.orElse(manifest.names());
        List<Target> targets = new ArrayList<>();
        Set<CollectionName> names = new HashSet<>();
        for (CollectionName name : chosen) {
            BackupManifest.Entry source = manifest.collection(name)
                    .orElseThrow(() -> new NotFoundException("backup '" + backup + "' holds no collection '" + name + "'"));
            CollectionName target = rename.getOrDefault(name, name);
            InvalidValueException.require(names.add(target), "two collections would be restored as '" + target + "'");
            targets.add(new Target(source, target));
        }
        rename.keySet().forEach(from -> InvalidValueException.require(chosen.contains(from),
                "rename names '" + from + "', which is not restored"));
        return targets;
    }
}
