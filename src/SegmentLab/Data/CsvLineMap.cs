using System.IO.Compression;

namespace SegmentLab.Data;

/// <summary>
/// Turns record numbers into physical line numbers. DuckDB's reader (and the record numbering of rejected values) counts
/// records, so after a quoted value that spans lines every later "line" would point above the row it names; an analyst
/// opening the file in an editor needs the physical line. Only run when rows were rejected: it reads the file once.
/// </summary>
internal static class CsvLineMap
{
    /// <summary>
    /// Maps 1-based record lines (the header is record 1) to the 1-based physical line on which each record starts.
    /// Newlines inside quoted values (doubled quotes are escapes) do not end a record. Lines past the end map to themselves.
    /// </summary>
    public static Dictionary<long, long> ToPhysical(string file, string encoding, char quote, IEnumerable<long> recordLines)
    {
        long[] targets = recordLines.Distinct().Order().ToArray();
        var map = new Dictionary<long, long>(targets.Length);
        if (targets.Length == 0)
        {
            return map;
        }

        using var raw = File.OpenRead(file);
        bool gzip = raw.Length >= 2 && raw.ReadByte() == 0x1F && raw.ReadByte() == 0x8B;
        raw.Position = 0;
        using Stream stream = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream, CsvEncoding.ToDotNet(encoding), detectEncodingFromByteOrderMarks: true);
        long record = 1, physical = 1;
        int next = 0;
        bool quoted = false;
        var buffer = new char[1 << 16];
        int n;
        while (next < targets.Length && targets[next] <= record)
        {
            map[targets[next++]] = physical;
        }

        while (next < targets.Length && (n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, n);
            int at;
            while (next < targets.Length && (at = span.IndexOfAny(quote, '\n')) >= 0)
            {
                if (span[at] == quote)
                {
                    quoted = !quoted;
                }
                else
                {
                    physical++;
                    if (!quoted)
                    {
                        record++;
                        while (next < targets.Length && targets[next] <= record)
                        {
                            map[targets[next++]] = physical;
                        }
                    }
                }

                span = span[(at + 1)..];
            }
        }

        while (next < targets.Length)
        {
            map[targets[next]] = targets[next] - record + physical;
            next++;
        }

        return map;
    }
}
