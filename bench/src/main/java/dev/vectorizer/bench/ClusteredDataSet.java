package dev.vectorizer.bench;

import java.util.SplittableRandom;

/**
 * A seeded synthetic data set shaped like real embeddings: points drawn around a few hundred
 * Gaussian cluster centres, each cluster with its own spread, then scaled to unit length (the
 * benchmark uses cosine). Queries come from the same distribution but are not in the base set.
 */
public final class ClusteredDataSet {

    private final float[][] centres;
    private final double[] spreads;

    /** {@code clusters} centres in {@code dim} dimensions, from {@code seed}. */
    public ClusteredDataSet(int clusters, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        centres = new float[clusters][dim];
        spreads = new double[clusters];
        for (int c = 0; c < clusters; c++) {
            for (int d = 0; d < dim; d++) {
                centres[c][d] = (float) gaussian(random);
            }
            // noise per dimension relative to the centre's: some tight clusters, some diffuse ones
            spreads[c] = 0.35 + 0.45 * random.nextDouble();
        }
    }

    /** {@code count} unit-length points; the same seed gives the same points. */
    public float[][] sample(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int dim = centres[0].length;
        float[][] points = new float[count][dim];
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(centres.length);
            for (int d = 0; d < dim; d++) {
                points[i][d] = (float) (centres[c][d] + spreads[c] * gaussian(random));
            }
            normalize(points[i]);
        }
        return points;
    }

    static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
    }

    private static double gaussian(SplittableRandom random) {
        return random.nextGaussian();
    }
}
