package dev.vectorizer.adapter.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.vectorizer.application.port.out.EmbeddingPort;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TextContent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (384 dimensions) run in process by ONNX Runtime through langchain4j; the model
 * ships inside the langchain4j artifact, so nothing is downloaded. Loading it takes seconds and
 * reads a 90 MB model into memory, so it is loaded on the first call, once. langchain4j embeds the
 * texts of one {@code embedAll} call in parallel, one ONNX run per text, on an executor; we hand it
 * our own small pool of daemon threads so that it does not create an unnamed one that outlives a
 * redeployment, and shut that pool down with the bean. The ONNX session itself is held statically
 * by langchain4j (it offers no close) and goes away with the class loader. Thread-safe.
 */
@ApplicationScoped
public class MiniLmEmbedding implements EmbeddingPort {

    public static final String MODEL = "all-minilm-l6-v2";
    public static final int DIMENSION = 384;

    /** Texts per {@code embedAll} call: bounds the futures and vectors in flight for a huge request. */
    static final int BATCH_SIZE = 128;

    private final Object lock = new Object();
    private volatile AllMiniLmL6V2EmbeddingModel model;
    private ThreadPoolExecutor executor;
    private boolean closed;

    /** Creates the bean; the model is only loaded on first use (this also serves the CDI client proxy). */
    public MiniLmEmbedding() {
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        InvalidValueException.require(texts != null, "texts must not be null");
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            TextContent.require(text, "text " + i + " must not be blank");
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        AllMiniLmL6V2EmbeddingModel loaded = loadedModel();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH_SIZE) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH_SIZE)).stream()
                    .map(TextSegment::from)
                    .toList();
            List<Embedding> embeddings = loaded.embedAll(batch).content();
            if (embeddings.size() != batch.size()) {
                throw new IllegalStateException("the model returned " + embeddings.size() + " embeddings for " + batch.size() + " texts");
            }
            for (Embedding embedding : embeddings) {
                vectors.add(unitLength(embedding.vector()));
            }
        }
        return vectors;
    }

    /** Releases the embedding threads; a later call fails. */
    @PreDestroy
    public void close() {
        synchronized (lock) {
            closed = true;
            model = null;
            if (executor != null) {
                executor.shutdown();
                executor = null;
            }
        }
    }

    private AllMiniLmL6V2EmbeddingModel loadedModel() {
        AllMiniLmL6V2EmbeddingModel current = model;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the embedding model has been closed");
            }
            if (model == null) {
                model = load();
            }
            return model;
        }
    }

    /** Called under the lock, once. */
    private AllMiniLmL6V2EmbeddingModel load() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new EmbeddingThreads());
        pool.allowCoreThreadTimeOut(true); // no idle threads while nothing is embedded
        // langchain4j reads the model from the thread context class loader, which on an application
        // server thread need not see our libraries; it loads in the class's static initialiser, once.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AllMiniLmL6V2EmbeddingModel.class.getClassLoader());
        try {
            AllMiniLmL6V2EmbeddingModel loaded = new AllMiniLmL6V2EmbeddingModel(pool);
            executor = pool;
            return loaded;
        } catch (ExceptionInInitializerError | NoClassDefFoundError | RuntimeException e) {
            pool.shutdown();
            throw new IllegalStateException("cannot load the " + MODEL + " embedding model", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * langchain4j already L2-normalises each embedding (also the average of a long text's windows);
     * we check the dimension and renormalise anyway, since cosine-as-dot-product relies on it.
     */
    static float[] unitLength(float[] vector) {
        if (vector.length != DIMENSION) {
            throw new IllegalStateException("the model returned " + vector.length + " dimensions instead of " + DIMENSION);
        }
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum == 0 || !Double.isFinite(sum)) {
            throw new IllegalStateException("the model returned a zero or non-finite embedding");
        }
        float[] unit = new float[vector.length];
        double scale = 1 / Math.sqrt(sum);
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] * scale);
        }
        return unit;
    }

    /** Named daemon threads, so that a thread dump shows them and they never keep a JVM alive. */
    private static final class EmbeddingThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "vectorizer-embedding-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(MiniLmEmbedding.class.getClassLoader());
            return thread;
        }
    }
}
