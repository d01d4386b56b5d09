using System.IO.Compression;
using System.Security.Cryptography;
using SegmentLab.Synthetic;

namespace SegmentLab.Tests.Synthetic;

/// <summary>The generator: same seed same bytes, whatever the thread count; well-formed, plausible rows.</summary>
public sealed partial class SyntheticGeneratorTests
{
    private static readonly string[] Names = ["transactions.csv", "events.csv", "customers.csv", "truth.csv"];

    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Same_seed_gives_identical_bytes_whatever_the_thread_count()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        using var c = new TempDir();
        SyntheticGenerator.Generate(new GeneratorOptions { Customers = 2_500, Seed = 7, MaxDegreeOfParallelism = 1 }, a.Path);
        SyntheticGenerator.Generate(new GeneratorOptions { Customers = 2_500, Seed = 7, MaxDegreeOfParallelism = 4 }, b.Path);
        SyntheticGenerator.Generate(new GeneratorOptions { Customers = 2_500, Seed = 8 }, c.Path);
        Assert.Equal(Hashes(a.Path), Hashes(b.Path));
        Assert.NotEqual(Hashes(a.Path)["transactions.csv"], Hashes(c.Path)["transactions.csv"]);
        Assert.NotEqual(Hashes(a.Path)["events.csv"], Hashes(c.Path)["events.csv"]);
    }

    [Fact]
    public void The_committed_sample_is_what_its_command_makes()
    {
        using var dir = new TempDir();
        SyntheticGenerator.Generate(new GeneratorOptions { Customers = 5_000, Seed = 42, Compress = true }, dir.Path);
        string sample = Path.Combine(TestPaths.RepoRoot, "data", "sample");
        foreach (string name in Names)
        {
            Assert.True(Unzip(Path.Combine(sample, name + ".gz")).SequenceEqual(Unzip(dir.File(name + ".gz"))), $"{name}.gz differs from a fresh generation");
        }
    }

    [Fact]
    public void Files_have_the_documented_headers_and_one_row_per_customer_in_customers_and_truth()
    {
        using var dir = new TempDir();
        var result = SyntheticGenerator.Generate(new GeneratorOptions { Customers = 300, Seed = 1 }, dir.Path);
        Assert.Equal("customer_id,order_id,timestamp,product_id,category,channel,quantity,unit_price,amount", File.ReadLines(dir.File("transactions.csv")).First());
        Assert.Equal("customer_id,timestamp,event_type,channel,device,campaign_id", File.ReadLines(dir.File("events.csv")).First());
        Assert.Equal("customer_id,signup_date,region,gender,age,segment_type,loyalty_member", File.ReadLines(dir.File("customers.csv")).First());
        Assert.Equal(301, File.ReadLines(dir.File("customers.csv")).Count());
        Assert.Equal(301, File.ReadLines(dir.File("truth.csv")).Count());
        Assert.Equal(result.TransactionRows + 1, File.ReadLines(dir.File("transactions.csv")).Count());
        Assert.Equal(result.EventRows + 1, File.ReadLines(dir.File("events.csv")).Count());
        Assert.Equal("C0000001", File.ReadLines(dir.File("truth.csv")).Skip(1).First().Split(',')[0]);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*"));   // no temporary files left behind
    }

    [Fact]
    public void Rows_are_plausible()
    {
        using var dir = new TempDir();
        var options = new GeneratorOptions { Customers = 1_500, Seed = 3 };
        SyntheticGenerator.Generate(options, dir.Path);
        var start = options.Start.ToDateTime(TimeOnly.MinValue);
        var end = options.End.ToDateTime(TimeOnly.MaxValue);

        var purchases = new Dictionary<(string, string, string), int>();   // (customer, order number, product) → quantity
        foreach (var f in File.ReadLines(dir.File("transactions.csv")).Skip(1).Select(l => l.Split(',')))
        {
            var ts = DateTime.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(ts, start, end);
            decimal qty = decimal.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture);
            decimal price = decimal.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(qty * price, decimal.Parse(f[8], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(price > 0);
            string number = f[1][1..];
            if (f[1][0] == 'O')
            {
                Assert.True(qty > 0);
                purchases[(f[0], number, f[3])] = (int)qty;
            }
            else
            {
                Assert.Equal('R', f[1][0]);
                Assert.True(qty < 0);
                // A return refers to an earlier purchase of the same product in the same order, for at most what was bought.
                Assert.True(purchases.TryGetValue((f[0], number, f[3]), out int bought), $"return {f[1]} {f[3]} has no purchase");
                Assert.True(-qty <= bought);
            }
        }

        var perCustomer = new Dictionary<string, Dictionary<string, int>>();
        foreach (var f in File.ReadLines(dir.File("events.csv")).Skip(1).Select(l => l.Split(',')))
        {
            Assert.InRange(DateTime.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), start, end);
            var counts = perCustomer.TryGetValue(f[0], out var c) ? c : perCustomer[f[0]] = [];
            counts[f[2]] = counts.GetValueOrDefault(f[2]) + 1;
            Assert.Equal(f[2].StartsWith("email", StringComparison.Ordinal), f[5].StartsWith("CMP", StringComparison.Ordinal));
        }

        string[] funnel = ["ebook_download", "explainer_video", "quiz", "demo_video", "contact_form"];
        foreach (var counts in perCustomer.Values)
        {
            Assert.True(counts.GetValueOrDefault("email_open") <= counts.GetValueOrDefault("email_sent"));
            Assert.True(counts.GetValueOrDefault("email_click") <= counts.GetValueOrDefault("email_open"));
            for (int s = 1; s < funnel.Length; s++)
            {
                Assert.True(counts.GetValueOrDefault(funnel[s]) <= counts.GetValueOrDefault(funnel[s - 1]));
            }
        }

        // Each funnel step is reached by fewer customers than the one before.
        var reached = funnel.Select(step => perCustomer.Values.Count(c => c.ContainsKey(step))).ToArray();
        for (int s = 1; s < reached.Length; s++)
        {
            Assert.True(reached[s] < reached[s - 1], $"step {funnel[s]} reached by {reached[s]}, previous by {reached[s - 1]}");
        }
    }

    [Fact]
    public void Bad_options_are_refused_with_the_values_quoted()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticGenerator.Generate(new GeneratorOptions { Customers = 0 }, dir.Path));
        Assert.Contains("customers=0", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticGenerator.Generate(
            new GeneratorOptions { Start = new DateOnly(2025, 1, 1), End = new DateOnly(2025, 2, 1) }, dir.Path));
    }

    private static byte[] Unzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }
}
