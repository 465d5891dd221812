package dev.vectorizer.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vectorizer.domain.VectorId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    private static List<ScoredPoint> ranking(String... ids) {
        float[] score = {ids.length};
        return Arrays.stream(ids).map(id -> new ScoredPoint(new VectorId(id), score[0]--, Optional.empty(), Optional.empty())).toList();
    }

    @Test
    void reciprocalRankFusionRewardsAgreement() {
        List<HybridHit> hits = RankFusion.fuse(ranking("a", "b", "c"), ranking("c", "b", "d"), Fusion.ReciprocalRank.DEFAULT, 10);

        assertThat(hits).extracting(h -> h.id().value()).containsExactly("c", "b", "a", "d");
        assertThat(hits.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 63, within(1e-12));
        assertThat(hits.get(1).score()).isCloseTo(2.0 / 62, within(1e-12));
        assertThat(hits).extracting(HybridHit::source)
                .containsExactly(HybridHit.Source.BOTH, HybridHit.Source.BOTH, HybridHit.Source.VECTOR, HybridHit.Source.TEXT);
    }

    @Test
    void weightedFusionFollowsAlpha() {
        List<ScoredPoint> vector = ranking("a", "b");
        List<ScoredPoint> text = ranking("b", "a");

        assertThat(RankFusion.fuse(vector, text, new Fusion.Weighted(1.0), 10).getFirst().id().value()).isEqualTo("a");
        assertThat(RankFusion.fuse(vector, text, new Fusion.Weighted(0.0), 10).getFirst().id().value()).isEqualTo("b");
    }

    @Test
    void keepsOnlyTheLimit() {
        assertThat(RankFusion.fuse(ranking("a", "b", "c"), ranking("d"), Fusion.ReciprocalRank.DEFAULT, 2)).hasSize(2);
        assertThat(RankFusion.fuse(List.of(), List.of(), Fusion.ReciprocalRank.DEFAULT, 5)).isEmpty();
    }
}
