using System.Buffers.Binary;
using System.IO.Compression;

namespace SegmentLab.Data;

/// <summary>
/// Detects truncated gzip files. Neither DuckDB's reader nor .NET's <see cref="GZipStream"/> complains when a .gz file
/// ends early — they return the rows decompressed so far — so a half-copied export would load silently short.
/// </summary>
internal static class GzipIntegrity
{
    /// <summary>
    /// Decompresses <paramref name="file"/> and compares the byte count with the gzip trailer's ISIZE (size mod 2³²);
    /// returns a problem description, or null when the file is complete. For multi-member files (bgzip) the trailer
    /// describes only the last member, so a mismatch there is checked against that member's size as well.
    /// </summary>
    public static string? Check(string file)
    {
        using var raw = File.OpenRead(file);
        if (raw.Length < 18)
        {
            return "the gzip file is too short to be complete";
        }

        Span<byte> trailer = stackalloc byte[4];
        raw.Seek(-4, SeekOrigin.End);
        raw.ReadExactly(trailer);
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        raw.Seek(0, SeekOrigin.Begin);
        long total = 0;
        try
        {
            using var gz = new GZipStream(raw, CompressionMode.Decompress);
            var buffer = new byte[1 << 16];
            int n;
            while ((n = gz.Read(buffer)) > 0)
            {
                total += n;
            }
        }
        catch (InvalidDataException e)
        {
            return $"the gzip data is corrupt ({e.Message})";
        }

        return (uint)total == expected ? null
            : $"the gzip file is truncated: it decompresses to {total:N0} bytes but its trailer records {expected:N0}";
    }
}
