namespace SegmentLab.Validation;

public static partial class Silhouette
{
    /// <summary>
    /// Sample sizes per segment: proportional to segment size (floor of the quota, then largest remainders), at least
    /// <see cref="MinimumPerSegment"/> (or the whole segment), never above the segment size — when the minimums push the
    /// total over, the other segments give back rows largest-ratio-to-quota first; then rows drawn without
    /// replacement per segment from a generator seeded by (seed, segment). Returned ascending.
    /// </summary>
    internal static int[] StratifiedSample(ClusterIndices.SegmentCounts seg, int sampleSize, int seed)
    {
        int n = seg.Labels.Length, k = seg.K;
        int[] take = Allocate(seg.Counts, sampleSize);
        var byLabel = new List<int>[k];
        for (int l = 0; l < k; l++)
        {
            byLabel[l] = new List<int>(seg.Counts[l]);
        }

        for (int r = 0; r < n; r++)
        {
            byLabel[seg.Labels[r]].Add(r);
        }

        var rows = new List<int>(take.Sum());
        for (int l = 0; l < k; l++)
        {
            var pool = byLabel[l];
            var rng = new SampleRng((ulong)(uint)seed, (ulong)l);
            for (int i = 0; i < take[l]; i++)   // partial Fisher-Yates
            {
                int j = i + rng.Below(pool.Count - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
                rows.Add(pool[i]);
            }
        }

        rows.Sort();
        return [.. rows];
    }

    /// <summary>Rows per segment for a proportional allocation of <paramref name="total"/> with per-segment minimums.</summary>
    internal static int[] Allocate(int[] counts, int total)
    {
        int k = counts.Length;
        long n = counts.Sum(c => (long)c);
        total = (int)Math.Min(total, n);
        var take = new int[k];
        var quota = new double[k];
        for (int l = 0; l < k; l++)
        {
            quota[l] = (double)total * counts[l] / n;
            int min = Math.Min(counts[l], MinimumPerSegment);
            take[l] = Math.Clamp((int)Math.Floor(quota[l]), min, counts[l]);
        }

        int sum = take.Sum();
        while (sum < total)
        {
            int best = -1;
            for (int l = 0; l < k; l++)
            {
                if (take[l] < counts[l] && (best < 0 || quota[l] - take[l] > quota[best] - take[best]))
                {
                    best = l;
                }
            }

            take[best]++;
            sum++;
        }

        while (sum > total)
        {
            int best = -1;
            for (int l = 0; l < k; l++)
            {
                // Largest ratio to quota first (comparing take/quota by cross-multiplication), which keeps the
                // segments above their minimums in proportion.
                if (take[l] > Math.Min(counts[l], MinimumPerSegment) && (best < 0 || take[l] * quota[best] > take[best] * quota[l]))
                {
                    best = l;
                }
            }

            if (best < 0)
            {
                break;   // only the per-segment minimums are left
            }

            take[best]--;
            sum--;
        }

        return take;
    }

    /// <summary>Stratified mean and its 95% normal interval with finite-population correction.</summary>
    internal static (double Mean, double Low, double High) StratifiedEstimate(ClusterIndices.SegmentCounts seg, int[] rows, double[] s)
    {
        int k = seg.K;
        double n = seg.Labels.Length;
        var sum = new double[k];
        var count = new int[k];
        for (int i = 0; i < rows.Length; i++)
        {
            int l = seg.Labels[rows[i]];
            sum[l] += s[i];
            count[l]++;
        }

        var sq = new double[k];
        for (int i = 0; i < rows.Length; i++)
        {
            int l = seg.Labels[rows[i]];
            double dev = s[i] - (sum[l] / count[l]);
            sq[l] += dev * dev;
        }

        double mean = 0, variance = 0;
        for (int l = 0; l < k; l++)
        {
            if (count[l] == 0)
            {
                continue;
            }

            double w = seg.Counts[l] / n;
            mean += w * sum[l] / count[l];
            if (count[l] > 1)
            {
                double fpc = 1 - ((double)count[l] / seg.Counts[l]);
                variance += w * w * fpc * (sq[l] / (count[l] - 1)) / count[l];
            }
        }

        double half = 1.959963984540054 * Math.Sqrt(variance);
        return (mean, mean - half, mean + half);
    }

    /// <summary>SplitMix64 generator: platform-stable, one stream per (seed, segment).</summary>
    private struct SampleRng(ulong seed, ulong stream)
    {
        private ulong _state = Finalise(seed ^ Finalise(stream + 0x632BE59BD9B4E019UL));

        public int Below(int bound)
        {
            // Multiply-shift on the top 32 bits; the bias is < bound / 2³², negligible for row counts.
            _state += 0x9E3779B97F4A7C15UL;
            return (int)(((Finalise(_state) >> 32) * (ulong)bound) >> 32);
        }

        private static ulong Finalise(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
