using System.CommandLine;
using System.Globalization;
using SegmentLab.Data;
using SegmentLab.Models;
using SegmentLab.Pipeline;
using Spectre.Console;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab assign --model M --config C [--out assignments.csv] [--cutoff D]</c>: scores the customers of the
/// config's data with a saved model (exactly the training-time transforms) and writes customer_id, segment_id,
/// segment_name, distance.
/// </summary>
internal static class AssignCommand
{
    public static Command Create()
    {
        var model = CliOptions.Model();
        var config = CliOptions.Config();
        var output = new Option<string?>("--out", "-o") { Description = "Where to write the CSV (default: assignments.csv in the config's output folder)." };
        var cutoff = CliOptions.Cutoff("Features as of yyyy-mm-dd (default: the day after the last transaction: everything known now).");
        var quiet = CliOptions.Quiet();
        var command = new Command("assign", "Give every customer of your data a segment with a saved model; writes a CSV.")
        {
            model, config, output, cutoff, quiet,
        };
        command.SetAction(parse =>
        {
            var m = SegmentModel.Load(parse.GetValue(model)!);
            var cfg = SegmentLabConfig.Load(parse.GetValue(config)!);
            string target = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(cfg.OutputDirectory, "assignments.csv"));
            Guard.NotAnInput(cfg, target);
            DateOnly? at = parse.GetValue(cutoff) is { } c ? CliDates.Parse(c, "--cutoff") : null;
            var assignment = SegmentationPipeline.Assign(m, cfg, at);
            assignment.WriteCsv(target);
            if (!parse.GetValue(quiet))
            {
                var console = CliConsole.Create(parse.InvocationConfiguration.Output);
                var table = new Table().AddColumns("id", "name", "customers", "share");
                for (int s = 0; s < m.K; s++)
                {
                    double share = assignment.Rows == 0 ? 0 : (double)assignment.Sizes[s] / assignment.Rows;
                    table.AddRow(m.Segments[s].Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(m.Segments[s].Name),
                        assignment.Sizes[s].ToString("N0", CultureInfo.InvariantCulture), share.ToString("P1", CultureInfo.InvariantCulture));
                }

                console.MarkupLineInterpolated($"{assignment.Rows:N0} customers assigned as of {assignment.Cutoff:yyyy-MM-dd} with model {m.Checksum[..19]}…");
                console.Write(table);
                console.MarkupLineInterpolated($"Written: {target}");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
