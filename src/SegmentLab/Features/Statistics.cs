namespace SegmentLab.Features;

/// <summary>Small descriptive statistics used by the transforms (float64 throughout).</summary>
internal static class Statistics
{
    /// <summary>Fisher-Pearson skewness m3 / m2^1.5 (population moments, as scipy.stats.skew with bias=True); 0 for constant data.</summary>
    public static double Skewness(ReadOnlySpan<double> x)
    {
        if (x.Length == 0)
        {
            return 0;
        }

        double mean = 0;
        foreach (double v in x)
        {
            mean += v;
        }

        mean /= x.Length;
        double m2 = 0, m3 = 0;
        foreach (double v in x)
        {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }

        m2 /= x.Length;
        m3 /= x.Length;
        return m2 <= 0 ? 0 : m3 / Math.Pow(m2, 1.5);
    }

    /// <summary>Quantile of sorted data with linear interpolation between order statistics (numpy's default).</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Pearson correlation; 0 when either side is constant.</summary>
    public static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ma += a[i];
            mb += b[i];
        }

        ma /= a.Length;
        mb /= a.Length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        return saa == 0 || sbb == 0 ? 0 : sab / Math.Sqrt(saa * sbb);
    }
}
