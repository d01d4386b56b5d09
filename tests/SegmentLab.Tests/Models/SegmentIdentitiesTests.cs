using SegmentLab.Models;

namespace SegmentLab.Tests.Models;

/// <summary>Refits keep segment ids and names where the segments are the same, and report what appeared, vanished, split or merged.</summary>
public sealed class SegmentIdentitiesTests
{
    // Blobs 1 and 2 are close to each other (a pair k = 3 merges and k = 4 separates).
    private static readonly (double R, double F, double M)[] Close = [(10, 20, 5000), (60, 6, 600), (60, 10, 1000), (250, 2, 60)];

    [Fact]
    public void Removing_a_persona_keeps_the_other_ids_and_reports_it_vanished()
    {
        var old = ModelTestData.Fit(ModelTestData.Table(1, 120, ModelTestData.FourBlobs), k: 4);
        var table = ModelTestData.Table(2, 120, ModelTestData.FourBlobs, blobs: [0, 1, 3]);
        var refit = ModelTestData.Fit(table, k: 3);
        var lineage = SegmentIdentities.Match(old, table, refit.BaselineLabels, 3);

        int OldIdOf(string customer) => old.Segments[old.BaselineLabels[old.BaselineCustomerIds.ToList().IndexOf(customer)]].Id;
        foreach (var m in lineage.Segments)
        {
            Assert.Equal(SegmentChange.Kept, m.Change);
            int row = refit.BaselineLabels.ToList().IndexOf(m.Label);
            Assert.Equal(OldIdOf(table.CustomerIds[row]), m.Id);
            Assert.Equal($"Blob {m.Id}", m.PreviousName);
            Assert.True(m.Distance < 0.5, $"distance {m.Distance}");
        }

        Assert.Equal([OldIdOf("B2-0000")], lineage.Vanished);
        Assert.Empty(lineage.Splits);
        Assert.Empty(lineage.Merges);
        Assert.Equal(360, lineage.Migration.Returning);
        Assert.Equal(120, lineage.Migration.PreviousOnly);
        Assert.Equal(0, lineage.Migration.NewOnly);
        foreach (var m in lineage.Segments)
        {
            Assert.Equal(120, lineage.Migration[m.Id, m.Id]);
        }

        Assert.Contains(lineage.Describe(), l => l.StartsWith($"vanished {OldIdOf("B2-0000")} 'Blob {OldIdOf("B2-0000")}'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_persona_appears_with_a_fresh_id()
    {
        var old = ModelTestData.Fit(ModelTestData.Table(3, 100, ModelTestData.FourBlobs, blobs: [0, 1, 2]), k: 3, ids: [4, 5, 6]);
        var table = ModelTestData.Table(4, 100, ModelTestData.FourBlobs);
        var refit = ModelTestData.Fit(table, k: 4);
        var lineage = SegmentIdentities.Match(old, table, refit.BaselineLabels, 4);

        var appeared = Assert.Single(lineage.Segments, m => m.Change == SegmentChange.Appeared);
        Assert.Equal(7, appeared.Id);   // the old model's next id
        int row = refit.BaselineLabels.ToList().IndexOf(appeared.Label);
        Assert.StartsWith("B3-", table.CustomerIds[row]);
        Assert.Equal([4, 5, 6], lineage.Segments.Where(m => m.Change == SegmentChange.Kept).Select(m => m.Id).Order());
        Assert.Empty(lineage.Vanished);
        Assert.Equal(100, lineage.Migration.NewOnly);
    }

    [Fact]
    public void A_segment_beyond_the_match_distance_appears_instead_of_taking_the_old_id()
    {
        var old = ModelTestData.Fit(ModelTestData.Table(5, 100, ModelTestData.FourBlobs, blobs: [0, 1, 2]), k: 3);
        var table = ModelTestData.Table(6, 100, ModelTestData.FourBlobs, blobs: [0, 1, 3]);
        var refit = ModelTestData.Fit(table, k: 3);
        var lineage = SegmentIdentities.Match(old, table, refit.BaselineLabels, 3, matchDistance: 1.0);

        var far = Assert.Single(lineage.Segments, m => m.Change == SegmentChange.Appeared);
        Assert.NotNull(far.PreviousId);
        Assert.True(far.Distance > 1.0);
        Assert.Equal(3, far.Id);
        Assert.Equal([far.PreviousId!.Value], lineage.Vanished);
    }

    [Fact]
    public void A_split_is_reported_with_the_shares()
    {
        var old = ModelTestData.Fit(ModelTestData.Table(7, 150, Close), k: 3);
        var table = ModelTestData.Table(8, 150, Close);
        var refit = ModelTestData.Fit(table, k: 4);
        var lineage = SegmentIdentities.Match(old, table, refit.BaselineLabels, 4);

        var split = Assert.Single(lineage.Splits);
        int merged = old.BaselineLabels[old.BaselineCustomerIds.ToList().IndexOf("B1-0000")];
        Assert.Equal(old.Segments[merged].Id, split.PreviousId);
        Assert.Equal(2, split.Ids.Count);
        Assert.Equal(1.0, split.Shares.Sum(), 9);
        Assert.All(split.Shares, s => Assert.Equal(0.5, s, 9));
        Assert.Contains(split.PreviousId, split.Ids);   // one part keeps the id
        Assert.Single(lineage.Segments, m => m.Change == SegmentChange.Appeared);
        Assert.Empty(lineage.Merges);
    }

    [Fact]
    public void A_merge_is_reported_with_the_shares()
    {
        var old = ModelTestData.Fit(ModelTestData.Table(9, 150, Close), k: 4);
        var table = ModelTestData.Table(10, 150, Close);
        var refit = ModelTestData.Fit(table, k: 3);
        var lineage = SegmentIdentities.Match(old, table, refit.BaselineLabels, 3);

        var merge = Assert.Single(lineage.Merges);
        int id1 = old.Segments[old.BaselineLabels[old.BaselineCustomerIds.ToList().IndexOf("B1-0000")]].Id;
        int id2 = old.Segments[old.BaselineLabels[old.BaselineCustomerIds.ToList().IndexOf("B2-0000")]].Id;
        Assert.Equal(new[] { id1, id2 }.Order(), merge.PreviousIds.Order());
        Assert.Contains(merge.Id, new[] { id1, id2 });
        Assert.Single(lineage.Vanished);
        Assert.Empty(lineage.Splits);
        Assert.Contains(lineage.Describe(), l => l.Contains("merged into", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lineage_survives_the_model_file()
    {
        var old = ModelTestData.Fit(ModelTestData.Table(11, 60, ModelTestData.FourBlobs), k: 4);
        var table = ModelTestData.Table(12, 60, ModelTestData.FourBlobs, blobs: [0, 1, 3]);
        var first = ModelTestData.Fit(table, k: 3);
        var lineage = SegmentIdentities.Match(old, table, first.BaselineLabels, 3);
        var refit = ModelTestData.Fit(table, k: 3, ids: lineage.Segments.Select(m => m.Id).ToArray(), lineage: lineage);
        var loaded = SegmentModel.FromJson(refit.ToJson());

        Assert.Equal(old.Checksum, loaded.Lineage!.PreviousChecksum);
        Assert.Equal(lineage.Vanished, loaded.Lineage.Vanished);
        Assert.Equal(lineage.Migration.Counts.Select(r => r.ToArray()), loaded.Lineage.Migration.Counts.Select(r => r.ToArray()));
        Assert.All(loaded.Segments, s => Assert.Equal(s.Id, s.PreviousId));
        Assert.Equal(old.NextSegmentId, loaded.NextSegmentId);
    }
}
