package dev.vectorizer.bench.density;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What a sample of tenants has under {@code tenants/} on disk: directories, files, files with bytes
 * (an empty file takes no block), allocated bytes per tenant, and one tenant's tree as an example.
 */
record TenantLayout(int sampled, double directories, double files, double nonEmptyFiles, double allocatedBytes, List<String> example) {

    private static final int SAMPLE = 20;

    static TenantLayout of(Path dataDir, List<Integer> tenants, Random random) {
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLE, tenants.size()); i++) {
            roots.add(dataDir.resolve("tenants").resolve(TenantMaker.tenantId(tenants.get(random.nextInt(tenants.size())))));
        }
        roots = roots.stream().distinct().filter(Files::isDirectory).toList();
        if (roots.isEmpty()) {
            return new TenantLayout(0, 0, 0, 0, 0, List.of());
        }
        long dirs = 0;
        long files = 0;
        long nonEmpty = 0;
        List<String> example = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path p : tree.sorted().toList()) {
                    boolean dir = Files.isDirectory(p);
                    long size = dir ? 0 : Files.size(p);
                    dirs += dir ? 1 : 0;
                    files += dir ? 0 : 1;
                    nonEmpty += size > 0 ? 1 : 0;
                    if (root == roots.getFirst()) {
                        example.add(root.getParent().relativize(p) + (dir ? "/" : " (" + size + " B)"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int n = roots.size();
        return new TenantLayout(n, (double) dirs / n, (double) files / n, (double) nonEmpty / n, (double) ServerProbe.allocated(roots) / n, example);
    }
}
