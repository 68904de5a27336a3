namespace Geo.Tests.Analyses.Navigation;

/// <summary>
/// Random weekly opening hours made for the tests as spans per weekday, written out as OSM opening_hours text, with
/// their own open-or-closed check, so the parser is checked against hours whose meaning is known beforehand.
/// </summary>
internal sealed class RandomHours
{
    private static readonly string[] Days = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
    private readonly List<(int Start, int End)>[] _spans;

    private RandomHours(string text, List<(int, int)>[] spans)
    {
        Text = text;
        _spans = spans;
    }

    public string Text { get; }

    public static RandomHours Make(Random random)
    {
        if (random.Next(5) == 0) return new RandomHours("24/7", Enumerable.Range(0, 7).Select(_ => new List<(int, int)> { (0, 1440) }).ToArray());
        var spans = new List<(int, int)>[7];
        var rules = new List<string>();
        for (int d = 0; d < 7; d++)
        {
            spans[d] = new();
            switch (random.Next(4))
            {
                case 0:
                    rules.Add($"{Days[d]} off");
                    break;
                case 1:
                    int start = random.Next(0, 20) * 60 + random.Next(0, 4) * 15, end = start + random.Next(1, 12) * 60;
                    spans[d].Add((start, end));
                    rules.Add($"{Days[d]} {Time(start)}-{Time(end)}");
                    break;
                case 2:
                    int a = random.Next(6, 10) * 60, b = a + 180, c = b + 60, e = c + 240;
                    spans[d].Add((a, b));
                    spans[d].Add((c, e));
                    rules.Add($"{Days[d]} {Time(a)}-{Time(b)},{Time(c)}-{Time(e)}");
                    break;
                default:
                    // Past midnight, written as the next day's clock time.
                    int s = random.Next(18, 23) * 60, f = s + random.Next(2, 8) * 60;
                    spans[d].Add((s, f));
                    rules.Add($"{Days[d]} {Time(s)}-{Time(f % 1440)}");
                    break;
            }
        }
        return new RandomHours(string.Join("; ", rules), spans);
    }

    public bool IsOpenAt(DateTime local)
    {
        int day = ((int)local.DayOfWeek + 6) % 7;
        double minute = local.TimeOfDay.TotalMinutes;
        if (_spans[day].Any(s => s.Start <= minute && minute < s.End)) return true;
        return _spans[(day + 6) % 7].Any(s => s.Start <= minute + 1440 && minute + 1440 < s.End);
    }

    private static string Time(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
