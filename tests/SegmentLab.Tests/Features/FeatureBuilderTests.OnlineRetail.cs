using System.Globalization;
using System.IO.Compression;
using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Tests.Features;

/// <summary>RFM on the real Online Retail II sheet equals the independent pandas reference, row for row.</summary>
public sealed partial class FeatureBuilderTests
{
    [SkippableOnlineRetailFact]
    public void OnlineRetail_rfm_equals_the_reference_table_row_for_row()
    {
        using var tmp = new TempDir();
        using var data = DataLoader.Load(SegmentLabConfig.Load(TestPaths.OnlineRetailConfig), tmp.File("rejects.csv"));
        var table = FeatureBuilder.Build(data);

        var reference = ReadReference(Path.Combine(TestPaths.OnlineRetailDir, "rfm_reference_2009-2010_ref2010-12-10.csv.gz"));
        Assert.Equal(4_312, reference.Count);
        Assert.Equal(4_312, table.Rows);
        Assert.Equal(19_213, table["frequency"].Sum());
        Assert.Equal(8_832_003.27m, Math.Round((decimal)table["monetary"].Sum(), 2));

        int mismatches = 0;
        for (int i = 0; i < table.Rows; i++)
        {
            var (recency, frequency, monetary) = reference[table.CustomerIds[i]];
            if (table["recency_days"][i] != recency || table["frequency"][i] != frequency || Math.Abs(table["monetary"][i] - monetary) > 0.005)
            {
                mismatches++;
            }
        }

        Assert.Equal(0, mismatches);
        Assert.Equal(new DateOnly(2010, 12, 10), table.Cutoff);
    }

    private static Dictionary<string, (double Recency, double Frequency, double Monetary)> ReadReference(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        Assert.Equal("Customer ID,recency,frequency,monetary", reader.ReadLine());
        var rows = new Dictionary<string, (double, double, double)>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            rows[f[0]] = (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture));
        }

        return rows;
    }
}
