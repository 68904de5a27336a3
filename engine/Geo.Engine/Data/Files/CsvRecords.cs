using System.Text;

namespace Geo.Data.Files;

/// <summary>One CSV record: the line it starts on and its fields (null for an empty unquoted field, "" for "").</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string?> Fields)
{
    public bool IsBlank => Fields.Count == 1 && Fields[0] is null;
}

/// <summary>Splits CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) into records.</summary>
internal static class CsvRecords
{
    public static List<CsvRecord> Parse(string text, string file)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        bool quoted = false, inQuotes = false;
        int line = 1, recordLine = 1;

        void EndField()
        {
            fields.Add(field.Length == 0 && !quoted ? null : field.ToString());
            field.Clear();
            quoted = false;
        }
        void EndRecord()
        {
            EndField();
            records.Add(new CsvRecord(recordLine, fields.ToArray()));
            fields.Clear();
            recordLine = line;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !quoted:
                    inQuotes = quoted = true;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    line++;
                    EndRecord();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (inQuotes) throw new GeoInputException($"{file} line {recordLine}: a quoted value is never closed");
        if (fields.Count > 0 || field.Length > 0 || quoted) EndRecord();
        return records;
    }

    /// <summary>A value as a CSV field: quoted when it holds a separator, quote, line break or edge spaces, or is empty.</summary>
    public static string Field(string? value)
    {
        if (value is null) return "";
        bool needsQuotes = value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
