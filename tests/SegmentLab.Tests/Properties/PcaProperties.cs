using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SegmentLab.Decomposition;

namespace SegmentLab.Tests.Properties;

/// <summary>PCA: orthonormal components, exact reconstruction with all of them, variance accounted for.</summary>
public sealed class PcaProperties
{
    [Property(MaxTest = 60)]
    public Property Components_are_orthonormal(int seed, PositiveInt size, PositiveInt dims)
    {
        int d = 1 + (dims.Get % 7), n = d + 2 + (size.Get % 100);
        var pca = Pca.Fit(PropertyData.Noise(seed, n, d));
        var l = pca.Loadings;
        for (int a = 0; a < l.Rows; a++)
        {
            for (int b = 0; b < l.Rows; b++)
            {
                double dot = 0;
                for (int j = 0; j < l.Columns; j++)
                {
                    dot += (double)l[a, j] * l[b, j];
                }

                if (Math.Abs(dot - (a == b ? 1 : 0)) > 1e-5)
                {
                    return false.Label($"component {a} · component {b} = {dot}");
                }
            }
        }

        return (pca.ExplainedVarianceRatio.Sum() is > 1 - 1e-6 and < 1 + 1e-6).Label($"ratios sum to {pca.ExplainedVarianceRatio.Sum()}");
    }

    [Property(MaxTest = 60)]
    public Property Reconstruction_with_all_components_is_exact(int seed, PositiveInt size, PositiveInt dims, bool whiten)
    {
        int d = 1 + (dims.Get % 7), n = d + 2 + (size.Get % 100);
        var x = PropertyData.Noise(seed, n, d, scale: 100);
        var pca = Pca.Fit(x, new PcaOptions { Whiten = whiten });
        var back = pca.InverseTransform(pca.Transform(x));
        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                worst = Math.Max(worst, Math.Abs(back[i, j] - x[i, j]));
            }
        }

        // float32 storage of scores and loadings: exact to ~1e-6 of the data's scale (100).
        return (pca.Components == d && worst < 1e-3).Label($"{pca.Components} components, worst error {worst}");
    }
}
