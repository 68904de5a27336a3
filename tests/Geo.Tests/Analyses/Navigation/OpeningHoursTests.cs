using Geo.Analyses.Navigation;

namespace Geo.Tests.Analyses.Navigation;

public class OpeningHoursTests
{
    // 2026-11-30 is a Monday.
    private static DateTime At(int day, int hour, int minute = 0) => new DateTime(2026, 11, 30).AddDays(day).AddHours(hour).AddMinutes(minute);

    [Fact]
    public void Parse_twentyFourSeven_isAlwaysOpen()
    {
        var hours = OpeningHours.Parse("24/7");
        Assert.True(hours.IsAlwaysOpen);
        Assert.True(hours.IsOpenAt(At(6, 3, 17)));
    }

    [Fact]
    public void Parse_weekdaysAndWeekend_opensEachDayAtItsOwnHours()
    {
        var hours = OpeningHours.Parse("Mo-Fr 08:00-20:00; Sa,Su 09:00-18:00");
        Assert.True(hours.IsOpenAt(At(0, 8)));
        Assert.False(hours.IsOpenAt(At(0, 7, 59)));
        Assert.False(hours.IsOpenAt(At(4, 20)));
        Assert.True(hours.IsOpenAt(At(5, 17, 59)));
        Assert.False(hours.IsOpenAt(At(6, 8, 30)));
    }

    [Fact]
    public void Parse_laterRuleWithOff_closesThatDayOnly()
    {
        var hours = OpeningHours.Parse("Mo-Su 07:00-22:00; Su off");
        Assert.True(hours.IsOpenAt(At(5, 21)));
        Assert.False(hours.IsOpenAt(At(6, 12)));
    }

    [Fact]
    public void Parse_commaBeforeDays_addsARuleInsteadOfReplacing()
    {
        var hours = OpeningHours.Parse("Mo-Fr 08:00-12:00,14:00-18:00, Fr 19:00-21:00");
        Assert.True(hours.IsOpenAt(At(4, 11)));
        Assert.False(hours.IsOpenAt(At(4, 13)));
        Assert.True(hours.IsOpenAt(At(4, 20)));
        Assert.False(hours.IsOpenAt(At(3, 20)));
    }

    [Fact]
    public void Parse_spanPastMidnight_staysOpenEarlyNextDay()
    {
        var hours = OpeningHours.Parse("Fr 18:00-02:00");
        Assert.True(hours.IsOpenAt(At(4, 23)));
        Assert.True(hours.IsOpenAt(At(5, 1, 59)));
        Assert.False(hours.IsOpenAt(At(5, 2)));
        Assert.False(hours.IsOpenAt(At(3, 1)));
        Assert.True(OpeningHours.Parse("Su 20:00-26:00").IsOpenAt(At(0, 1)));
    }

    [Fact]
    public void Parse_wrappingDayRange_coversSundayToMonday()
    {
        var hours = OpeningHours.Parse("Sa-Mo 10:00-11:00");
        Assert.True(hours.IsOpenAt(At(6, 10, 30)));
        Assert.True(hours.IsOpenAt(At(0, 10, 30)));
        Assert.False(hours.IsOpenAt(At(1, 10, 30)));
    }

    [Fact]
    public void NextOpening_closedStation_givesTheNextStart()
    {
        var hours = OpeningHours.Parse("Mo-Fr 08:00-20:00; Sa,Su 09:00-18:00");
        Assert.Equal(At(1, 8), hours.NextOpening(At(0, 21, 30)));
        Assert.Equal(At(5, 9), hours.NextOpening(At(4, 20, 1)));
        Assert.Equal(At(2, 10), hours.NextOpening(At(2, 10)));
        Assert.Null(OpeningHours.Parse("off").NextOpening(At(0, 0)));
    }

    [Theory]
    [InlineData("Mo-Fr 08:00-20:00; PH off", "PH")]
    [InlineData("Mo-Fr 8:00-25:61", "25:61")]
    [InlineData("Monday 08:00-20:00", "Monday")]
    [InlineData("Mo-Fr 08:00+", "'+'")]
    [InlineData("", "empty")]
    [InlineData("sunrise-sunset", "sunrise")]
    [InlineData("Mo-Fr 08:00-20:00 || \"by appointment\"", "'||'")]
    public void Parse_unsupportedOrMalformed_saysWhatAndWhere(string text, string mention)
    {
        var e = Assert.Throws<GeoInputException>(() => OpeningHours.Parse(text));
        Assert.Contains("opening_hours", e.Message);
        Assert.Contains(mention, e.Message);
        Assert.Contains("at character", e.Message);
    }

    [Fact]
    public void IsOpenAt_randomHours_agreesWithTheirSpans()
    {
        var random = new Random(11);
        for (int i = 0; i < 300; i++)
        {
            var made = RandomHours.Make(random);
            var parsed = OpeningHours.Parse(made.Text);
            for (int j = 0; j < 60; j++)
            {
                var t = At(0, 0).AddMinutes(random.Next(7 * 1440));
                Assert.True(made.IsOpenAt(t) == parsed.IsOpenAt(t), $"'{made.Text}' at {t:ddd HH:mm}");
            }
        }
    }
}
