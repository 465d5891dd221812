package dev.vectorizer.deploy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The graphql-http package's server audits (GraphQL-over-HTTP conformance) run against a server
 * by Node: {@code src/test/graphql-http} is copied to {@code target/}, installed there from its lock
 * file ({@code npm ci}) and run. Node 20+ and npm are required: without them this fails, never skips.
 */
final class GraphQLConformance {

    private static final Path SOURCE = Path.of("src/test/graphql-http");
    private static final Path WORK = Path.of("target/graphql-http");

    private GraphQLConformance() {
    }

    /** One JSON object per audit: {@code id}, {@code name} (starting MUST, SHOULD or MAY), {@code status} ({@code ok}, {@code warn}, {@code error}), {@code reason}. */
    static List<JsonObject> audit(URI url, String apiKey) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "audit.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), 0);
        String output = run(List.of("node", "audit.mjs", url.toString(), apiKey), 1); // 1: a MUST failed, which the caller reports
        return output.lines().filter(line -> line.startsWith("{"))
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
    }

    /** Runs a command in the work directory; fails unless it exits with 0 or {@code alsoAccepted}. */
    private static String run(List<String> command, int alsoAccepted) throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK.toAbsolutePath(), "run", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("GraphQLIT needs Node.js 20+ and npm on the PATH (for the graphql-http conformance audits): " + e.getMessage(), e);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 5 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && process.exitValue() != alsoAccepted) {
            throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }
}
