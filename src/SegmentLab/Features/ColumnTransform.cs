namespace SegmentLab.Features;

/// <summary>
/// The fitted transform of one input column, applied in order: log1p (when <see cref="Log"/>), clipping to
/// [<see cref="Low"/>, <see cref="High"/>], then (x − <see cref="Center"/>) / <see cref="Scale"/>.
/// </summary>
/// <param name="Name">The feature.</param>
/// <param name="Log">Whether log1p is applied first.</param>
/// <param name="Skewness">The raw column's skewness (Fisher-Pearson, population), which decided <see cref="Log"/> unless overridden.</param>
/// <param name="Low">Lower clip (winsorizing), or −∞.</param>
/// <param name="High">Upper clip, or +∞.</param>
/// <param name="Center">Subtracted after clipping (mean or median).</param>
/// <param name="Scale">Divided by after centring (population standard deviation or IQR; 1 without scaling).</param>
public sealed record ColumnTransform(string Name, bool Log, double Skewness, double Low, double High, double Center, double Scale)
{
    /// <summary>Transforms one raw value.</summary>
    public double Apply(double raw)
    {
        double x = Log ? Math.Log(1 + raw) : raw;
        x = Math.Clamp(x, Low, High);
        return (x - Center) / Scale;
    }
}
