package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in {@code deploy/k8s} are valid Kubernetes objects: every one is checked
 * against the API's OpenAPI schemas (types, required fields, enums) by {@code src/test/k8s/validate.mjs}
 * with the schemas the {@code kubernetes-models} npm package bundles, offline once {@code npm ci} has
 * fetched it (versions pinned by its package-lock.json).
 */
class KubernetesManifestsIT {

    private static final Path VALIDATOR = Path.of("src/test/k8s");

    @Test
    void everyManifestIsAValidKubernetesObject() throws Exception {
        run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        assertThat(run("node", "validate.mjs", "../../../k8s")).contains("0 problems");
    }

    /** Runs {@code command} in the validator's directory; its output, which a failure shows. */
    private static String run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("k8s-validate", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(VALIDATOR.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(output);
            assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + text).isZero();
            return text;
        } finally {
            Files.delete(output);
        }
    }
}
