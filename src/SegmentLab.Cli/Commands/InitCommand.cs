using System.CommandLine;
using SegmentLab.Data;
using SegmentLab.Pipeline;
using Spectre.Console;

namespace SegmentLab.Cli.Commands;

/// <summary>
/// <c>segmentlab init [--out segmentlab.json] FILES...</c>: inspects the files, guesses which is which and the role of
/// each column, writes a commented starter config, and prints what it guessed and what it could not.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Your exports: transactions, and optionally events and customers (CSV, .csv.gz or Parquet).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the config (default segmentlab.json).", DefaultValueFactory = _ => "segmentlab.json" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing config." };
        var command = new Command("init", "Write a commented starter segmentlab.json by inspecting your files.") { files, output, force };
        command.SetAction(parse =>
        {
            string target = Path.GetFullPath(parse.GetValue(output)!);
            var inputs = parse.GetValue(files)!;
            if (inputs.Any(f => string.Equals(Path.GetFullPath(f), target, StringComparison.Ordinal)))
            {
                throw new InputException("refusing to overwrite an input file with the config.", file: target, fix: "choose another --out path.");
            }

            if (File.Exists(target) && !parse.GetValue(force))
            {
                throw new InputException("the config already exists.", file: target, fix: "pass --force to overwrite it, or choose another --out path.");
            }

            var result = StarterConfig.Inspect(inputs, target);
            AtomicFile.WriteAllText(target, result.Text);
            var console = CliConsole.Create(parse.InvocationConfiguration.Output);
            var table = new Table().AddColumns("file", "looks like", "rows", "columns mapped");
            foreach (var t in result.Tables)
            {
                table.AddRow(Markup.Escape(Path.GetFileName(t.File)), t.Role, t.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", t.Roles.Select(p => $"{p.Key} = {p.Value}"))));
            }

            console.Write(table);
            if (result.Unresolved.Count > 0)
            {
                console.MarkupLine("Could not guess:");
                foreach (string u in result.Unresolved)
                {
                    console.MarkupLineInterpolated($"  - {u}");
                }
            }

            console.MarkupLineInterpolated($"Written: {target}");
            console.MarkupLineInterpolated($"Next: segmentlab check --config {parse.GetValue(output)}, then segmentlab run --config {parse.GetValue(output)}");
            return CliApp.Ok;
        });
        return command;
    }
}
