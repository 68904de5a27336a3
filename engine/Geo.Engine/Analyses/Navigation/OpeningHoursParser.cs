using System.Globalization;

namespace Geo.Analyses.Navigation;

/// <summary>
/// Reads the common forms of OSM <c>opening_hours</c>: <c>24/7</c>; rules separated by <c>;</c>, a later rule
/// replacing the earlier ones on the days it names (<c>Mo-Fr 08:00-20:00; Sa,Su 09:00-18:00; Su off</c>); an extra
/// rule after <c>,</c> that adds to them (<c>Mo-Fr 08:00-12:00, Sa 09:00-11:00</c>); day ranges that wrap
/// (<c>Sa-Mo</c>); several time spans (<c>08:00-12:00,14:00-18:00</c>); spans past midnight (<c>18:00-02:00</c> or
/// <c>18:00-26:00</c>); <c>off</c>/<c>closed</c>. Anything else (public holidays, months, sunrise, comments) is
/// refused with where it is, never read as open.
/// </summary>
public static class OpeningHoursParser
{
    private static readonly string[] DayNames = { "mo", "tu", "we", "th", "fr", "sa", "su" };

    public static OpeningHours Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw Error(text ?? "", 0, "the hours are empty");
        var week = new List<(int, int)>[7];
        for (int d = 0; d < 7; d++) week[d] = new List<(int, int)>();
        var reader = new Reader(text);
        bool additional = false;
        while (true)
        {
            ReadRule(reader, week, additional);
            reader.SkipSpaces();
            if (reader.AtEnd) break;
            if (reader.Peek == ';') { reader.Advance(); additional = false; }
            else if (reader.Peek == ',') { reader.Advance(); additional = true; }
            else if (reader.Peek == '|') throw Error(text, reader.Position, "fallback rules ('||') are not supported");
            else throw Error(text, reader.Position, $"expected ';' or ',' between rules, found '{reader.Rest(8)}'");
            reader.SkipSpaces();
            if (reader.AtEnd) break;
        }
        return new OpeningHours(text.Trim(), week.Select(d => (IReadOnlyList<(int, int)>)d.ToArray()).ToArray());
    }

    private static void ReadRule(Reader reader, List<(int Start, int End)>[] week, bool additional)
    {
        reader.SkipSpaces();
        int ruleStart = reader.Position;
        if (reader.TryWord("24/7"))
        {
            for (int d = 0; d < 7; d++) { week[d].Clear(); week[d].Add((0, 24 * 60)); }
            return;
        }
        var days = ReadDays(reader);
        if (additional && days is null) throw Error(reader.Text, ruleStart, "a rule after ',' must start with days, e.g. 'Sa 09:00-12:00'");
        days ??= Enumerable.Range(0, 7).ToArray();
        reader.SkipSpaces();
        var spans = new List<(int, int)>();
        bool off = false;
        if (reader.TryWord("off") || reader.TryWord("closed")) off = true;
        else if (reader.TryWord("open") || reader.AtEnd || reader.Peek == ';') spans.Add((0, 24 * 60));
        else if (char.IsDigit(reader.Peek)) spans.AddRange(ReadSpans(reader));
        else throw Unsupported(reader, "days followed by time spans such as 'Mo-Fr 08:00-20:00', '24/7' or 'off'");
        foreach (int d in days)
        {
            if (!additional) week[d].Clear();
            if (!off) week[d].AddRange(spans);
        }
    }

    private static int[]? ReadDays(Reader reader)
    {
        if (DayAt(reader) < 0) return null;
        var days = new List<int>();
        while (true)
        {
            int first = DayAt(reader);
            if (first < 0) throw Unsupported(reader, "a weekday (Mo, Tu, We, Th, Fr, Sa, Su)");
            reader.Advance(2);
            int last = first;
            if (reader.Peek is '-' or '–')
            {
                reader.Advance();
                last = DayAt(reader);
                if (last < 0) throw Unsupported(reader, "a weekday after '-'");
                reader.Advance(2);
            }
            for (int d = first; ; d = (d + 1) % 7)
            {
                if (!days.Contains(d)) days.Add(d);
                if (d == last) break;
            }
            // "Sa,Su" continues the day list; "Mo-Fr 08:00-12:00, Sa …" is read by the caller as a new rule.
            if (reader.Peek == ',' && DayAt(reader, 1) >= 0) { reader.Advance(); continue; }
            break;
        }
        if (reader.Peek == '[' || char.IsLetter(reader.Peek) && !char.IsWhiteSpace(reader.Peek))
        {
            throw Unsupported(reader, "a space and time spans after the days");
        }
        return days.ToArray();
    }

    private static int DayAt(Reader reader, int offset = 0)
    {
        int p = reader.Position + offset;
        if (p + 2 > reader.Text.Length) return -1;
        string token = reader.Text.Substring(p, 2).ToLowerInvariant();
        int day = Array.IndexOf(DayNames, token);
        if (day < 0) return -1;
        // "Mon" or "Monday" is not the OSM form; say so rather than misread it.
        if (p + 2 < reader.Text.Length && char.IsLetter(reader.Text[p + 2])) return -1;
        return day;
    }

    private static IEnumerable<(int, int)> ReadSpans(Reader reader)
    {
        var spans = new List<(int, int)>();
        while (true)
        {
            int spanStart = reader.Position;
            int start = ReadTime(reader);
            if (reader.Peek is not ('-' or '–')) throw Unsupported(reader, "'-' and a closing time (open-ended '+' is not supported)");
            reader.Advance();
            int end = ReadTime(reader);
            if (start >= 24 * 60) throw Error(reader.Text, spanStart, "a span must start before 24:00");
            if (end <= start) end += 24 * 60;
            if (end > 48 * 60) throw Error(reader.Text, spanStart, "a span may run past midnight by at most 24 hours");
            spans.Add((start, end));
            if (reader.Peek == ',' && reader.NextNonSpaceIsDigit(1))
            {
                reader.Advance();
                reader.SkipSpaces();
                continue;
            }
            return spans;
        }
    }

    private static int ReadTime(Reader reader)
    {
        int at = reader.Position;
        int hours = reader.ReadNumber(2);
        if (hours < 0 || reader.Peek != ':') throw Error(reader.Text, at, $"expected a time hh:mm, found '{reader.Rest(6)}'");
        reader.Advance();
        int minutesAt = reader.Position;
        int minutes = reader.ReadNumber(2);
        if (minutes < 0 || reader.Position - minutesAt != 2 || minutes > 59 || hours > 48 || hours * 60 + minutes > 48 * 60)
        {
            throw Error(reader.Text, at, $"'{reader.Text[at..reader.Position]}' is not a time hh:mm");
        }
        return hours * 60 + minutes;
    }

    private static GeoInputException Unsupported(Reader reader, string expected) =>
        Error(reader.Text, reader.Position, reader.AtEnd ? $"the hours end early: expected {expected}" : $"cannot read '{reader.Rest(12)}': expected {expected}");

    private static GeoInputException Error(string text, int position, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"opening_hours '{text}': {what} (at character {position + 1})"));

    private sealed class Reader(string text)
    {
        public string Text { get; } = text;
        public int Position { get; private set; }
        public bool AtEnd => Position >= Text.Length;
        public char Peek => AtEnd ? '\0' : Text[Position];

        public void Advance(int count = 1) => Position = Math.Min(Text.Length, Position + count);

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(Text[Position])) Position++;
        }

        public bool TryWord(string word)
        {
            if (string.Compare(Text, Position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
            int after = Position + word.Length;
            if (after < Text.Length && char.IsLetterOrDigit(Text[after])) return false;
            Position = after;
            return true;
        }

        public int ReadNumber(int maxDigits)
        {
            int value = 0, digits = 0;
            while (!AtEnd && digits < maxDigits && char.IsAsciiDigit(Text[Position])) { value = value * 10 + (Text[Position] - '0'); Position++; digits++; }
            return digits == 0 ? -1 : value;
        }

        public bool NextNonSpaceIsDigit(int offset)
        {
            int p = Position + offset;
            while (p < Text.Length && char.IsWhiteSpace(Text[p])) p++;
            return p < Text.Length && char.IsAsciiDigit(Text[p]);
        }

        public string Rest(int length) => Text.Substring(Position, Math.Min(length, Text.Length - Position));
    }
}
