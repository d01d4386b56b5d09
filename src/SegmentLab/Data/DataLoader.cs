using DuckDB.NET.Data;

namespace SegmentLab.Data;

/// <summary>
/// Loads the tables a <see cref="SegmentLabConfig"/> describes into an embedded DuckDB database, validating as it
/// goes: every row read is loaded, filtered by a rule, or rejected to the rejects file with its file, line, column
/// and reason. Above <see cref="SegmentLabConfig.MaxRejectedShare"/> rejected rows in a table the load stops.
/// </summary>
public static class DataLoader
{
    /// <summary>Loads transactions (required), events and customers (when configured).</summary>
    /// <param name="config">The checked config (see <see cref="SegmentLabConfig.Load"/>).</param>
    /// <param name="rejectsPath">Where to write the rejects CSV; default <c>rejects.csv</c> in the config's output folder.
    /// Written (atomically) on every load, header only when nothing was rejected, so a stale file never misleads.</param>
    /// <returns>The typed tables and their quality report; dispose it when done.</returns>
    /// <exception cref="InputException">A file or column is missing, a header is malformed, or too many rows are malformed.</exception>
    public static LoadedData Load(SegmentLabConfig config, string? rejectsPath = null) => Load(config, rejectsPath, LoadTuning.Default);

    /// <summary>As <see cref="Load(SegmentLabConfig, string?)"/>, with the reading strategy set (tests run both paths).</summary>
    internal static LoadedData Load(SegmentLabConfig config, string? rejectsPath, LoadTuning tuning)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Transactions is null)
        {
            throw new InputException("the config has no transactions table.", file: config.SourceFile, fix: "add \"transactions\": { \"path\": … }.");
        }

        rejectsPath ??= Path.Combine(config.OutputDirectory, "rejects.csv");
        if (config.IsInput(rejectsPath))
        {
            throw new InputException("refusing to overwrite an input file with the rejects file.", file: Path.GetFullPath(rejectsPath),
                fix: "choose another --rejects path (or \"output\" folder).");
        }

        // Folders of earlier loads that were killed before cleaning up (see StaleWorkFolders); this load's go in the same place.
        StaleWorkFolders.Sweep(Path.GetTempPath());
        var db = new DuckDBConnection("Data Source=:memory:");
        // Tables too big for memory are staged here as Parquet (see TypedTableBuilder), created only then; deleted with the LoadedData.
        string work = Path.Combine(Path.GetTempPath(), $"segmentlab-work-{Environment.ProcessId}-{Guid.NewGuid():N}");
        tuning = tuning with { WorkDirectory = tuning.WorkDirectory ?? work };
        try
        {
            using (StepTrace.Step("open database"))
            {
                db.Open();
                // Beyond the limit DuckDB spills to a private temporary folder instead of growing without bound.
                string spill = Path.Combine(Path.GetTempPath(), $"segmentlab-{Environment.ProcessId}-{Guid.NewGuid():N}");
                // UTC session: timestamps with an offset are converted to UTC and those without are taken as they stand, whatever
                // the machine's time zone (see TypedTableBuilder's time conversion).
                RawTable.Execute(db, $"SET memory_limit = {SqlText.Literal(config.MemoryLimit)}; SET temp_directory = {SqlText.Literal(spill)}; SET TimeZone = 'UTC'");
            }

            var tables = new List<TableQuality>();
            var rejects = new List<RejectedRow>();
            var present = new HashSet<string>(StringComparer.Ordinal);
            var streamed = new HashSet<string>(StringComparer.Ordinal);
            void Add(BuildResult r)
            {
                tables.Add(r.Quality);
                rejects.AddRange(r.Rejects);
                foreach (var (name, value) in r.Facts)
                {
                    if (value is long n && n > 0)
                    {
                        present.Add($"{r.Quality.Table}.{name}");
                    }
                }

                if (r.Streamed)
                {
                    streamed.Add(r.Quality.Table);
                }
            }

            IReadOnlyList<string> numeric = [], categorical = [];
            using (FreedPages.Keep())
            {
                Add(TableLoaders.Transactions(db, config, config.Transactions, tuning));
                if (config.Events is not null)
                {
                    Add(TableLoaders.Events(db, config, config.Events, tuning));
                }

                if (config.Customers is not null)
                {
                    var (cu, num, cat) = TableLoaders.Customers(db, config, config.Customers, tuning);
                    Add(cu);
                    (numeric, categorical) = (num, cat);
                }
            }

            using (StepTrace.Step("rejects file"))
            {
                RejectsFile.Write(rejectsPath, rejects);
            }

            var report = new DataQualityReport { Tables = tables, RejectsFile = rejectsPath };
            StopIfTooManyRejected(config, report, rejects);
            return new LoadedData(db, config, report, numeric, categorical, present, streamed, tuning.WorkDirectory);
        }
        catch
        {
            db.Dispose();
            LoadedData.DeleteWorkDirectory(tuning.WorkDirectory);
            throw;
        }
    }

    private static void StopIfTooManyRejected(SegmentLabConfig config, DataQualityReport report, List<RejectedRow> rejects)
    {
        foreach (var t in report.Tables)
        {
            if (t.RowsRead > 0 && t.RowsLoaded == 0 && t.RowsRejected == 0 && t.Table == "transactions")
            {
                throw new InputException($"no transaction row has a customer id ({t.RowsFiltered:N0} rows filtered).", file: t.Files[0],
                    fix: "check that 'transactions.columns.customerId' names the right column.");
            }

            if (t.RejectedShare <= config.MaxRejectedShare)
            {
                continue;
            }

            var first = rejects.First(r => r.Table == t.Table);
            throw new InputException(
                $"{t.RowsRejected:N0} of {t.RowsRead:N0} {t.Table} rows ({t.RejectedShare:P1}) are malformed, above the {config.MaxRejectedShare:P1} limit. " +
                $"The first: {first.Reason}. All are listed in {report.RejectsFile}.",
                file: first.File, line: first.Line, column: first.Column,
                fix: Suggest(first, t.Table));
        }

        if (report["transactions"] is { RowsRead: 0 } empty)
        {
            throw new InputException("the transactions file has a header but no rows.", file: empty.Files[0], line: 2,
                fix: "export the transactions again; SegmentLab needs at least one order line.");
        }
    }

    private static string Suggest(RejectedRow r, string table) => r.Reason switch
    {
        var s when s.Contains("as a timestamp", StringComparison.Ordinal) => $"set \"timestampFormat\" for the {table} table to the file's format, e.g. \"%d/%m/%Y %H:%M\" for 31/12/2024 18:30.",
        var s when s.Contains("as a number", StringComparison.Ordinal) => $"check \"decimalSeparator\" for the {table} table (\",\" for 12,50) and remove thousands separators.",
        var s when s.Contains("fields", StringComparison.Ordinal) => $"check \"delimiter\" for the {table} table and that values containing it are quoted.",
        var s when s.Contains("not valid", StringComparison.Ordinal) => $"set \"encoding\" for the {table} table (\"latin-1\" for most Windows/Excel exports).",
        _ => $"correct the rows listed in the rejects file, or raise \"maxRejectedShare\" to load the rest and quarantine them.",
    };
}
