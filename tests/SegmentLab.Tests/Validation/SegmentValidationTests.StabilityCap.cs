using SegmentLab.Clustering;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

public sealed partial class SegmentValidationTests
{
    [Fact]
    public void Stability_resamples_a_subset_of_stabilityMaxRows_customers_and_the_report_says_so()
    {
        var (table, x) = Planted();
        var model = KMeans.Fit(x, Five);
        var settings = Quick with { StabilityReplicates = 6, StabilityMaxRows = 100, BinaryOutcomes = [], ContinuousOutcomes = [] };
        Assert.True(x.Rows > 100);
        var capped = SegmentValidation.Run(new SegmentValidationInput { Table = table, Clustered = x, Model = model, RefitOptions = Five, Settings = settings }).Report;
        Assert.Equal(100, capped.Stability!.SubsetRows);
        Assert.Contains("on a fixed subset of 100 customers", capped.ToString());

        var all = SegmentValidation.Run(new SegmentValidationInput
        {
            Table = table, Clustered = x, Model = model, RefitOptions = Five, Settings = settings with { StabilityMaxRows = x.Rows },
        }).Report;
        Assert.Null(all.Stability!.SubsetRows);
        Assert.DoesNotContain("subset", all.ToString());
    }
}
