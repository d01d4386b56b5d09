using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Properties;

/// <summary>Silhouette against a naive O(n²) reference, lift of the whole population, PSI of a sample against itself.</summary>
public sealed class ValidationProperties
{
    [Property(MaxTest = 60)]
    public Property Silhouette_is_in_range_and_equals_the_naive_definition(int seed, PositiveInt size, PositiveInt clusters, bool ties)
    {
        int k = 2 + (clusters.Get % 4), n = k + 1 + (size.Get % 60), d = 3;
        var x = PropertyData.Noise(seed, n, d, scale: 3);
        if (ties)
        {
            // Coarse values: repeated points and zero distances, the cases a fast path gets wrong.
            var v = x.Values.ToArray().Select(f => MathF.Round(f)).ToArray();
            x = new FeatureMatrix(v, n, d);
        }

        var labels = Enumerable.Range(0, n).Select(i => i % k).ToArray();
        new Random(seed).Shuffle(labels);
        var result = Silhouette.Exact(x, labels);
        double[] naive = NaiveSilhouette(x, labels, k);
        for (int i = 0; i < n; i++)
        {
            double s = result.Samples[i];
            if (!(s >= -1 && s <= 1))
            {
                return false.Label($"row {i}: silhouette {s} outside [−1, 1]");
            }

            if (Math.Abs(s - naive[i]) > 1e-4)
            {
                return false.Label($"row {i}: {s} vs naive {naive[i]}");
            }
        }

        return (Math.Abs(result.Mean - naive.Average()) <= 1e-5 && result.Mean is >= -1 and <= 1).Label($"mean {result.Mean} vs {naive.Average()}");
    }

    [Property(MaxTest = 80)]
    public Property Lift_of_the_whole_population_is_one(int seed, PositiveInt size, PositiveInt clusters)
    {
        int n = 2 + (size.Get % 300), k = 1 + (clusters.Get % 6);
        var rng = new Random(seed);
        var labels = Enumerable.Range(0, n).Select(_ => rng.Next(k)).ToArray();
        var outcome = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.3 ? 1.0 : 0.0).ToArray();
        outcome[rng.Next(n)] = 1; // lift needs at least one positive

        // One segment holding everybody has lift exactly 1…
        var whole = OutcomeLift.Binary(new int[n], outcome);
        // …and in any segmentation the size-weighted mean lift is 1 (the segments add up to the population).
        var split = OutcomeLift.Binary(labels, outcome);
        double weighted = split.Segments.Sum(s => s.Share * s.Lift);
        return (Math.Abs(whole.Segments.Single().Lift - 1) < 1e-12 && Math.Abs(weighted - 1) < 1e-9)
            .Label($"whole {whole.Segments.Single().Lift}, weighted {weighted}");
    }

    [Property(MaxTest = 60)]
    public Property Psi_of_a_sample_against_itself_is_zero(int seed, PositiveInt size, PositiveInt dims)
    {
        int n = 10 + (size.Get % 400), d = 1 + (dims.Get % 4);
        var x = PropertyData.Noise(seed, n, d);
        var baseline = FeatureDistribution.Capture(x);
        var drift = Drift.Features(baseline, x);
        // The same rows in another order are the same sample.
        var shuffled = Drift.Features(baseline, x.SelectRows(PropertyData.Permutation(seed, n)));
        return (drift.Count == d && drift.Concat(shuffled).All(f => Math.Abs(f.Psi) < 1e-9))
            .Label($"PSI {string.Join(", ", drift.Select(f => f.Psi))}");
    }

    [Property(MaxTest = 60)]
    public Property Psi_is_zero_for_equal_shares_and_positive_otherwise(int seed, PositiveInt bins)
    {
        int b = 2 + (bins.Get % 10);
        var rng = new Random(seed);
        double[] Shares()
        {
            var w = Enumerable.Range(0, b).Select(_ => rng.NextDouble() + 0.01).ToArray();
            double t = w.Sum();
            return w.Select(v => v / t).ToArray();
        }

        var e = Shares();
        var a = Shares();
        return (Math.Abs(Drift.Psi(e, e)) < 1e-15 && Drift.Psi(e, a) > 0 && Math.Abs(Drift.Psi(e, a) - Drift.Psi(a, e)) < 1e-12)
            .Label("PSI identity, positivity or symmetry fails");
    }

    /// <summary>Rousseeuw's definition, pair by pair in double precision; a row alone in its segment scores 0 (scikit-learn).</summary>
    private static double[] NaiveSilhouette(FeatureMatrix x, int[] labels, int k)
    {
        int n = x.Rows;
        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            var sum = new double[k];
            var count = new int[k];
            for (int j = 0; j < n; j++)
            {
                if (j != i)
                {
                    sum[labels[j]] += Math.Sqrt(PropertyData.Distance2(x.Row(i), x.Row(j)));
                    count[labels[j]]++;
                }
            }

            if (count[labels[i]] == 0)
            {
                continue;
            }

            double a = sum[labels[i]] / count[labels[i]];
            double b = Enumerable.Range(0, k).Where(c => c != labels[i] && count[c] > 0).Min(c => sum[c] / count[c]);
            double m = Math.Max(a, b);
            s[i] = m == 0 ? 0 : (b - a) / m;
        }

        return s;
    }
}
