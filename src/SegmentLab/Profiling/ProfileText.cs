using System.Globalization;
using SegmentLab.Validation;

namespace SegmentLab.Profiling;

/// <summary>Number and phrase formatting shared by profiles and reports.</summary>
internal static class ProfileText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>"recency_days index 310" (or "… +1.2 sd" when the index is undefined).</summary>
    public static string IndexPhrase(FeatureIndexRow r) => r.Index is { } i
        ? $"{r.Feature} index {i.ToString("0", C)}"
        : $"{r.Feature} {(r.StandardizedDifference ?? 0).ToString("+0.0;−0.0;0.0", C)} sd";
}
