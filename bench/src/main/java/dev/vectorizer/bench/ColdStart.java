package dev.vectorizer.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.util.IOUtils;

/**
 * Cold start: the uber-jar (empty data directory, single mode) and, as the floor, Payara Micro
 * deploying an empty WAR, each from process start to the first 200 of {@code /health/ready}; and, on
 * the uber-jar, the first text search (which loads the embedding model). The floor is measured twice:
 * stock (what the target names) and with the uber-jar's own pre-boot commands (no Hazelcast), so
 * the report shows what our deployment costs on the same runtime settings too.
 */
final class ColdStart {

    static final String UBER_JAR = "Vectorizer uber-jar (empty data directory)";
    static final String EMPTY_WAR = "Payara Micro with an empty WAR";
    static final String EMPTY_WAR_AS_OURS = "Payara Micro with an empty WAR and the uber-jar's pre-boot commands (no Hazelcast)";
    /** The pre-boot commands the uber-jar carries. */
    static final Path PRE_BOOT_COMMANDS = Path.of("deploy/src/main/micro/pre-boot-commands.txt");

    private ColdStart() {
    }

    /** Seconds to ready of the uber-jar; adds the first text search's milliseconds to {@code results}. */
    static double uberJar(Path jar, Path work, Results results) throws IOException, InterruptedException {
        Path data = work.resolve("coldstart-data");
        IOUtils.rm(data);
        try (RestRunner server = RestRunner.start(jar, data, work.resolve("coldstart-uber-jar.log"), List.of())) {
            double millis = server.firstTextSearchMillis("texts");
            Log.info(String.format("first text search after start: %.0f ms", millis));
            results.firstTextSearchMillis.add(millis);
            return server.readySeconds();
        } finally {
            IOUtils.rm(data);
        }
    }

    /** Seconds to ready of Payara Micro deploying an empty WAR, with {@code preBootCommands} if given. */
    static double emptyWar(Path microJar, Path work, Optional<Path> preBootCommands) throws IOException, InterruptedException {
        Path war = work.resolve("empty.war");
        if (!Files.exists(war)) {
            try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
                zip.putNextEntry(new ZipEntry("index.html"));
                zip.write("<!doctype html><title>empty</title>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        List<String> args = new ArrayList<>(List.of("-jar", microJar.toString(), "--deploy", war.toString()));
        preBootCommands.ifPresent(commands -> args.addAll(List.of("--prebootcommandfile", commands.toAbsolutePath().toString())));
        try (RestRunner server = RestRunner.launch(List.of(), args, work.resolve("coldstart-empty-war.log"))) {
            return server.readySeconds();
        }
    }
}
