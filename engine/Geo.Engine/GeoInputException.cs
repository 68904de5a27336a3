namespace Geo;

/// <summary>
/// Bad input from the user: a missing file, an unknown profile, a malformed connection string, coordinates
/// outside the data. The message is one line that says what is wrong and where; commands print it and exit non-zero.
/// </summary>
public sealed class GeoInputException : Exception
{
    public GeoInputException(string message) : base(message) { }
    public GeoInputException(string message, Exception inner) : base(message, inner) { }
}
