package dev.vectorizer.domain.search;

import dev.vectorizer.domain.VectorId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges a vector ranking and a keyword ranking into one hybrid ranking. */
public final class RankFusion {

    private RankFusion() {
    }

    /** The top {@code limit} hits of both rankings (each best-first) fused by {@code fusion}. */
    public static List<HybridHit> fuse(List<ScoredPoint> vectorHits, List<ScoredPoint> textHits, Fusion fusion, int limit) {
        Map<VectorId, Accumulator> byId = new LinkedHashMap<>();
        double[] vectorScores = contributions(vectorHits, fusion);
        double[] textScores = contributions(textHits, fusion);
        double vectorWeight = fusion instanceof Fusion.Weighted w ? w.alpha() : 1;
        double textWeight = fusion instanceof Fusion.Weighted w ? 1 - w.alpha() : 1;
        for (int i = 0; i < vectorHits.size(); i++) {
            byId.computeIfAbsent(vectorHits.get(i).id(), id -> new Accumulator()).add(vectorHits.get(i), vectorWeight * vectorScores[i], true);
        }
        for (int i = 0; i < textHits.size(); i++) {
            byId.computeIfAbsent(textHits.get(i).id(), id -> new Accumulator()).add(textHits.get(i), textWeight * textScores[i], false);
        }
        List<HybridHit> hits = new ArrayList<>(byId.size());
        byId.values().forEach(a -> hits.add(a.toHit()));
        hits.sort(Comparator.comparingDouble(HybridHit::score).reversed().thenComparing(h -> h.id().value()));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    /** Per-hit contribution: {@code 1/(k+rank)} for RRF, the min-max normalised score for weighted fusion. */
    private static double[] contributions(List<ScoredPoint> hits, Fusion fusion) {
        double[] out = new double[hits.size()];
        switch (fusion) {
            case Fusion.ReciprocalRank rrf -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = 1.0 / (rrf.k() + i + 1);
                }
            }
            case Fusion.Weighted w -> {
                double min = hits.stream().mapToDouble(ScoredPoint::score).min().orElse(0);
                double max = hits.stream().mapToDouble(ScoredPoint::score).max().orElse(0);
                for (int i = 0; i < out.length; i++) {
                    out[i] = max > min ? (hits.get(i).score() - min) / (max - min) : 1;
                }
            }
        }
        return out;
    }

    private static final class Accumulator {
        private ScoredPoint point;
        private double score;
        private boolean fromVector;
        private boolean fromText;

        void add(ScoredPoint hit, double contribution, boolean vector) {
            if (point == null || point.payload().isEmpty() && hit.payload().isPresent() || point.vector().isEmpty() && hit.vector().isPresent()) {
                point = hit;
            }
            score += contribution;
            fromVector |= vector;
            fromText |= !vector;
        }

        HybridHit toHit() {
            HybridHit.Source source = fromVector && fromText ? HybridHit.Source.BOTH
                    : fromVector ? HybridHit.Source.VECTOR : HybridHit.Source.TEXT;
            return new HybridHit(point.id(), score, source, point.payload(), point.vector());
        }
    }
}
