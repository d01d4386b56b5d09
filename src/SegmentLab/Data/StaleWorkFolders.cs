using System.Globalization;
using System.Text.RegularExpressions;

namespace SegmentLab.Data;

/// <summary>
/// Removes the private temporary folders (staged tables, DuckDB's spill files) left behind by loads whose process was
/// killed before it could delete them: a scheduled job stopped by a timeout or the out-of-memory killer would otherwise
/// leave gigabytes in the temp folder on every failed run.
/// </summary>
internal static partial class StaleWorkFolders
{
    /// <summary>
    /// Deletes the folders in <paramref name="tempRoot"/> named as <see cref="DataLoader"/> names them
    /// (<c>segmentlab-work-PID-GUID</c>, <c>segmentlab-PID-GUID</c>) whose process is no longer running. A folder whose
    /// process id is in use (by the owner or by a process that took the id since) is left alone, as is one that cannot be
    /// deleted (still open, no permission).
    /// </summary>
    /// <returns>How many folders were deleted.</returns>
    public static int Sweep(string tempRoot)
    {
        int deleted = 0;
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(tempRoot, "segmentlab-*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (string folder in folders)
        {
            var m = Name().Match(Path.GetFileName(folder));
            if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId || AtomicFile.IsRunning(pid))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or in use: left to the system's temp cleaning.
            }
        }

        return deleted;
    }

    [GeneratedRegex("^segmentlab-(?:work-)?([0-9]+)-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
