namespace Geo.Analyses.Navigation;

/// <summary>
/// A station's weekly opening hours, read from the common forms of OSM's <c>opening_hours</c> tag (see
/// <see cref="OpeningHoursParser"/>). Each weekday holds the spans it opens in, in minutes from that day's midnight;
/// a span may run past midnight (up to 48:00), so "Fr 18:00-02:00" keeps the station open early on Saturday.
/// </summary>
public sealed class OpeningHours
{
    private const int MinutesPerDay = 24 * 60;
    private readonly IReadOnlyList<(int Start, int End)>[] _spans;

    internal OpeningHours(string text, IReadOnlyList<(int Start, int End)>[] spansMondayFirst)
    {
        Text = text;
        _spans = spansMondayFirst;
    }

    /// <summary>The hours as written.</summary>
    public string Text { get; }

    public static OpeningHours Parse(string text) => OpeningHoursParser.Parse(text);

    public bool IsAlwaysOpen => _spans.All(day => day.Any(s => s.Start <= 0 && s.End >= MinutesPerDay));

    /// <summary>Whether the station is open at a local wall-clock time of the data's time zone.</summary>
    public bool IsOpenAt(DateTime local)
    {
        int day = MondayFirst(local.DayOfWeek);
        double minute = local.TimeOfDay.TotalMinutes;
        foreach (var (start, end) in _spans[day]) if (start <= minute && minute < end) return true;
        foreach (var (start, end) in _spans[(day + 6) % 7]) if (start <= minute + MinutesPerDay && minute + MinutesPerDay < end) return true;
        return false;
    }

    /// <summary>The first local time at or after <paramref name="local"/> when the station is open; null when it never opens.</summary>
    public DateTime? NextOpening(DateTime local)
    {
        if (IsOpenAt(local)) return local;
        DateTime? best = null;
        var midnight = local.Date;
        for (int k = 0; k <= 7; k++)
        {
            var date = midnight.AddDays(k);
            foreach (var (start, _) in _spans[MondayFirst(date.DayOfWeek)])
            {
                var opens = date.AddMinutes(start);
                if (opens > local && (best is null || opens < best)) best = opens;
            }
            if (best is not null) return best;
        }
        return best;
    }

    internal static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;

    public override string ToString() => Text;
}
