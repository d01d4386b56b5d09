using System.Diagnostics;

namespace SegmentLab.Cli.Tests.SafeOutputs;

/// <summary>
/// Outputs are written to a temp file beside the target and renamed into place: a run killed mid-write leaves the
/// previous output intact, its temp file is swept by the next write, inputs are never overwritten, and a damaged model
/// file is refused by its checksum.
/// </summary>
public sealed class SafeOutputTests
{
    private const string TempPattern = ".features.csv.*.tmp";

    /// <summary>A generated sample big enough that writing its features takes a visible moment.</summary>
    private static string Sample(TempDir dir, int customers = 30_000)
    {
        Assert.Equal(0, CliRun.Of("generate", "--customers", customers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "3", "--out", dir.Path).ExitCode);
        return dir.Write("segmentlab.json", """{ "transactions": { "path": "transactions.csv" }, "events": { "path": "events.csv" } }""");
    }

    /// <summary>Starts the built CLI as a child process and stops it (hard kill or SIGTERM) as soon as its temp file appears.</summary>
    private static bool RunAndStopMidWrite(TempDir dir, string config, string target, bool hardKill)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "SegmentLab.Cli.dll"), "features", "--config", config, "--out", target })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        bool seen = false;
        while (!child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (Directory.GetFiles(dir.Path, TempPattern).Length > 0)
            {
                seen = true;
                if (hardKill)
                {
                    child.Kill();
                }
                else
                {
                    using var term = Process.Start("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    term.WaitForExit();
                }

                break;
            }

            Thread.Sleep(1);
        }

        if (!child.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            child.Kill();
        }

        return seen;
    }

    [Fact]
    public void A_hard_kill_mid_write_leaves_the_previous_output_intact_and_the_next_write_sweeps_its_temp_file()
    {
        using var dir = new TempDir();
        string config = Sample(dir);
        string target = dir.File("features.csv");
        File.WriteAllText(target, "previous,output\n1,2\n");
        byte[] before = File.ReadAllBytes(target);

        Assert.True(RunAndStopMidWrite(dir, config, target, hardKill: true), "the child finished before its temp file appeared");
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.NotEmpty(Directory.GetFiles(dir.Path, TempPattern)); // what a hard kill leaves: nothing can delete it in the dead process

        var run = CliRun.Of("features", "--config", config, "--out", target);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
        Assert.StartsWith("customer_id,", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminated_run_leaves_either_the_previous_or_the_complete_new_output_and_no_temp_file()
    {
        using var dir = new TempDir();
        string config = Sample(dir);
        string target = dir.File("features.csv");
        File.WriteAllText(target, "previous,output\n1,2\n");
        byte[] before = File.ReadAllBytes(target);

        Assert.True(RunAndStopMidWrite(dir, config, target, hardKill: false), "the child finished before its temp file appeared");
        byte[] after = File.ReadAllBytes(target);
        if (!after.AsSpan().SequenceEqual(before))
        {
            // The write won the race with the signal: then it must be whole (header plus one row per customer, newline-ended).
            string text = File.ReadAllText(target);
            Assert.StartsWith("customer_id,", text, StringComparison.Ordinal);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Rejects_file_over_an_input_is_refused()
    {
        using var dir = new TempDir();
        string tx = dir.Write("tx.csv", "customer_id,order_id,timestamp,amount\nC1,O1,2024-01-02,1\n");
        string before = File.ReadAllText(tx);
        string cfg = dir.Write("segmentlab.json", """{ "transactions": { "path": "tx.csv" } }""");
        CliRun.Of("check", "--config", cfg, "--rejects", tx).AssertBadInput("refusing to overwrite an input file", "tx.csv", "Fix:");
        Assert.Equal(before, File.ReadAllText(tx));
    }

    [Fact]
    public void Output_matching_an_input_glob_is_refused()
    {
        using var dir = new TempDir();
        dir.Write("orders-1.csv", "customer_id,order_id,timestamp,amount\nC1,O1,2024-01-02,1\n");
        string cfg = dir.Write("segmentlab.json", """{ "transactions": { "path": "orders-*.csv" } }""");
        // orders-2.csv does not exist yet, but the next load would read it as transactions.
        CliRun.Of("features", "--config", cfg, "--out", dir.File("orders-2.csv")).AssertBadInput("refusing to overwrite an input file", "orders-2.csv");
        Assert.False(File.Exists(dir.File("orders-2.csv")));
    }

    [Fact]
    public void Output_over_the_config_file_is_refused()
    {
        using var dir = new TempDir();
        dir.Write("tx.csv", "customer_id,order_id,timestamp,amount\nC1,O1,2024-01-02,1\n");
        string cfg = dir.Write("segmentlab.json", """{ "transactions": { "path": "tx.csv" } }""");
        CliRun.Of("features", "--config", cfg, "--out", cfg).AssertBadInput("refusing to overwrite an input file", "segmentlab.json");
    }

    [Fact]
    public void A_model_file_edited_after_saving_is_refused_by_its_checksum()
    {
        using var dir = new TempDir();
        string config = Sample(dir, customers: 600);
        string model = dir.File("m.segmodel.json");
        var fit = CliRun.Of("fit", "--config", config, "--k", "3", "--out", model, "--quiet");
        Assert.True(fit.ExitCode == 0, fit.Err);
        string json = File.ReadAllText(model);
        // Rename a segment inside the file: still valid JSON, different content.
        int at = json.IndexOf("\"name\": \"", StringComparison.Ordinal);
        Assert.True(at > 0, "no segment name in the model file");
        string tampered = json.Insert(at + 9, "Edited ");
        File.WriteAllText(model, tampered);
        CliRun.Of("assign", "--model", model, "--config", config, "--out", dir.File("a.csv")).AssertBadInput("checksum does not match", "m.segmodel.json");
        Assert.False(File.Exists(dir.File("a.csv")));
    }
}
