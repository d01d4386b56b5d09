using System.CommandLine;
using SegmentLab.Pipeline;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab demo [--customers N] [--out DIR] [--seed S]</c>: generates a realistic sample and runs the whole pipeline on
/// it — features, choose k, fit, validate on a 90-day holdout, profile, report — then prints the segments and the report's path.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers", "-n") { Description = "Customers to generate (default 20,000).", DefaultValueFactory = _ => 20_000 };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the sample, report and model (default reports/demo).", DefaultValueFactory = _ => Path.Combine("reports", "demo") };
        var seed = new Option<long>("--seed") { Description = "Seed of the generated sample (default 42).", DefaultValueFactory = _ => 42 };
        var k = CliOptions.K();
        var json = CliOptions.Json();
        var quiet = CliOptions.Quiet();
        var command = new Command("demo", "Generate a sample and run the whole pipeline on it: the quickest way to see SegmentLab work.")
        {
            customers, output, seed, k, json, quiet,
        };
        command.SetAction(parse =>
        {
            var mode = RunCommand.Mode(parse, json, quiet);
            int n = parse.GetValue(customers);
            var (fixedK, minK, maxK) = CliK.Parse(parse.GetValue(k));
            var options = new DemoOptions
            {
                Customers = n,
                Seed = parse.GetValue(seed),
                OutputDirectory = parse.GetValue(output)!,
                Pipeline = new PipelineOptions { K = fixedK, MinK = minK, MaxK = maxK, Notes = $"segmentlab demo --customers {n} --seed {parse.GetValue(seed)}" },
            };
            return RunCommand.Finish(mode, "demo", () => CliProgress.Run(mode, p => SegmentationPipeline.Demo(options with { Pipeline = options.Pipeline with { Progress = p } })));
        });
        return command;
    }
}
