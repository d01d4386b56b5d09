namespace SegmentLab.Cli.Tests;

/// <summary>A fact that needs the real Online Retail II data; skipped, with the reason shown, when it is absent.</summary>
public sealed class SkippableOnlineRetailFactAttribute : FactAttribute
{
    public SkippableOnlineRetailFactAttribute()
    {
        if (!File.Exists(RealData.OnlineRetailCsv))
        {
            Skip = $"real data absent: {RealData.OnlineRetailCsv} not found (CI has it; see ../shared/data/online-retail-ii/README.md)";
        }
    }
}
