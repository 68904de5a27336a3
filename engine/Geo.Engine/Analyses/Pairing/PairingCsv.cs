using System.Text;

namespace Geo.Analyses.Pairing;

/// <summary>Writes the two-way table as CSV (RFC 4180 quoting), every row of it including the unpaired ones.</summary>
public static class PairingCsv
{
    public static void Write(TextWriter writer, PairingResult result)
    {
        writer.WriteLine(string.Join(",", PairingTable.Columns));
        foreach (var row in result.Rows)
        {
            writer.WriteLine(string.Join(",", PairingTable.Values(result, row).Select(v => Quote(PairingTable.Format(v)))));
        }
    }

    /// <summary>Writes the CSV to a file whole or not at all: to a temporary file beside it, then moved into place.</summary>
    public static void WriteFile(string path, PairingResult result)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new GeoInputException($"cannot write '{path}': folder '{folder}' does not exist");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // A byte-order mark so spreadsheet programs read the Chinese names as UTF-8.
            using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                Write(writer, result);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string Quote(string field) =>
        field.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
