package dev.vectorizer.adapter.rest.edge;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the container from logging a SEVERE stack trace per request for bad input or client
 * behaviour that anyone can send without credentials, so that it cannot flood the log: while the
 * application runs, such a record becomes one FINE line of ours. Every other record passes unchanged
 * (through the filter its logger had before).
 * <ul>
 * <li>a path with a colon, refused by the container's JACC check and then served by JAX-RS
 * ({@link ColonPaths});</li>
 * <li>a path Grizzly fails to decode in {@code CoyoteAdapter}, before any application is chosen: an
 * invalid percent escape ({@code %zz}, a trailing {@code %}) throws in its {@code URLDecoder}, a path
 * ending in a dot segment ({@code /.}, {@code /..}) can overrun a buffer in its
 * {@code HttpRequestURIDecoder}; the container then answers 200 with no body;</li>
 * <li>a client that closes its connection before the answer is written (Jersey cannot commit it).</li>
 * </ul>
 */
public class ContainerLog implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ContainerLog.class.getName());

    /** A container logger, the records of it that are known bad input, and what we log instead. */
    private record KnownFault(String logger, Predicate<LogRecord> matches, String instead) {
    }

    private static final List<KnownFault> KNOWN = List.of(
            new KnownFault("javax.enterprise.system.container.web.com.sun.web.security", ColonPaths::isTheRefusalReport,
                    "a path with ':' was refused by the container's JACC check and handed to JAX-RS"),
            new KnownFault("jakarta.enterprise.web.core", ContainerLog::isUndecodablePath,
                    "the container could not decode a request's path"),
            new KnownFault("org.glassfish.jersey.server.ServerRuntime$Responder", ContainerLog::isClosedByTheClient,
                    "the client closed the connection before the answer was written"));

    private final List<Runnable> restore = new ArrayList<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        for (KnownFault fault : KNOWN) {
            Logger logger = Logger.getLogger(fault.logger());
            Filter previous = logger.getFilter();
            logger.setFilter(record -> {
                if (fault.matches().test(record)) {
                    LOG.log(Level.FINE, fault.instead());
                    return false;
                }
                return previous == null || previous.isLoggable(record);
            });
            restore.add(() -> logger.setFilter(previous));
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        restore.forEach(Runnable::run);
        restore.clear();
    }

    private static boolean isClosedByTheClient(LogRecord record) {
        return record.getThrown() instanceof UncheckedIOException failure && failure.getCause() instanceof IOException closed
                && "Connection is closed".equals(closed.getMessage());
    }

    /**
     * Thrown by Grizzly's URI decoding (its first frame says so) — or an index out of bounds without
     * a stack: once the JIT has compiled that throw site, the JVM drops the stack of the exception.
     */
    private static boolean isUndecodablePath(LogRecord record) {
        if (!(record.getThrown() instanceof RuntimeException failure)) {
            return false;
        }
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length == 0 ? failure instanceof ArrayIndexOutOfBoundsException
                : List.of("org.glassfish.grizzly.http.util.URLDecoder", "org.glassfish.grizzly.http.util.HttpRequestURIDecoder")
                        .contains(stack[0].getClassName());
    }
}
