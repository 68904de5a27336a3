using Geo.Data.PostGis;
using Npgsql;

namespace Geo.Tests.PostGis;

public class PostGisLocationTests
{
    [Fact]
    public void Parse_schemaKey_isTakenOutOfTheConnectionString()
    {
        var location = PostGisLocation.Parse("postgis:Host=db.example;Port=6543;Username=planner;Database=city;Schema=chengdu");

        Assert.Equal("chengdu", location.Schema);
        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(("db.example", 6543, "planner", "city"), (builder.Host, builder.Port, builder.Username, builder.Database));
        Assert.DoesNotContain("chengdu", location.ConnectionString);
        Assert.Equal("db.example:6543", location.Server);
    }

    [Fact]
    public void Parse_noSchemaKey_usesGeo()
    {
        Assert.Equal("geo", PostGisLocation.Parse("postgis:Host=127.0.0.1;Username=geo;Database=geo").Schema);
    }

    [Fact]
    public void Parse_schemaOverride_winsOverTheKey()
    {
        Assert.Equal("plan", PostGisLocation.Parse("Host=127.0.0.1;schema=other", "plan").Schema);
    }

    [Fact]
    public void Parse_quotedPasswordWithSemicolon_keepsItWhole()
    {
        var location = PostGisLocation.Parse("postgis:Host=127.0.0.1;Password=\"a;b=c\";Schema=geo");

        Assert.Equal("a;b=c", new NpgsqlConnectionStringBuilder(location.ConnectionString).Password);
    }

    [Fact]
    public void Parse_noTimeoutGiven_waitsFiveSecondsForTheServer()
    {
        var location = PostGisLocation.Parse("postgis:Host=127.0.0.1");

        Assert.Equal(5, new NpgsqlConnectionStringBuilder(location.ConnectionString).Timeout);
    }

    [Fact]
    public void Parse_timeoutGiven_keepsIt()
    {
        var location = PostGisLocation.Parse("postgis:Host=127.0.0.1;Timeout=30");

        Assert.Equal(30, new NpgsqlConnectionStringBuilder(location.ConnectionString).Timeout);
    }

    [Theory]
    [InlineData("postgis:Host=127.0.0.1;Bogus Key=1")]
    [InlineData("postgis:Host=127.0.0.1;Port=eleven")]
    [InlineData("postgis:Host")]
    [InlineData("postgis:Username=geo;Database=geo")]
    [InlineData("postgis:Host=127.0.0.1;Password=\"unterminated")]
    public void Parse_malformedConnectionString_saysSoOnOneLine(string spec)
    {
        var error = Assert.Throws<GeoInputException>(() => PostGisLocation.Parse(spec));

        Assert.StartsWith("malformed PostGIS connection string: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("postgis:Host=127.0.0.1;Schema=\"geo; drop table x\"")]
    [InlineData("postgis:Host=127.0.0.1;Schema=9lives")]
    public void Parse_schemaNotPlainIdentifier_isRefused(string spec)
    {
        var error = Assert.Throws<GeoInputException>(() => PostGisLocation.Parse(spec));

        Assert.Contains("schema name", error.Message);
    }
}
