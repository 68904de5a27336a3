using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Geo.MapViewer.Api;

/// <summary>
/// Says what a request field or parameter should be in plain words ("a list of [lon, lat] pairs", "a number")
/// instead of the framework's type names, which mean nothing to the person sending the request.
/// </summary>
internal static partial class PlainWords
{
    /// <summary>What a value of this type looks like in JSON or in a query string.</summary>
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(double[][])) return "a list of [lon, lat] pairs, e.g. [[104.06, 30.66]]";
        if (type == typeof(double[])) return "a list of numbers, e.g. [300, 600, 900]";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "a number";
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a text in quotes";
        if (type.IsArray) return "a list";
        return "a JSON object";
    }

    /// <summary>The field a JSON path such as <c>$.locations[3][0]</c> names, and what it should be for request type <typeparamref name="T"/>.</summary>
    public static string? ExpectedAt<T>(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return $"the body must be {Describe(typeof(T))} with the fields {string.Join(", ", Fields<T>())}";
        var match = FieldOfPath().Match(path);
        if (!match.Success) return null;
        string field = match.Groups[1].Value;
        var property = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == field);
        return property is null ? null : $"{field} must be {Describe(property.PropertyType)}";
    }

    public static IEnumerable<string> Fields<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));

    /// <summary>A framework refusal of a request (a query value that is not a number …) in plain words.</summary>
    public static string BadRequest(BadHttpRequestException e)
    {
        var bind = BindFailure().Match(e.Message);
        if (bind.Success)
        {
            string type = bind.Groups["type"].Value.ToLowerInvariant();
            string what = type.Contains("double") || type.Contains("float") || type.Contains("decimal") ? "a number"
                : type.Contains("int") || type.Contains("long") ? "a whole number"
                : type.Contains("bool") ? "true or false"
                : "a valid value";
            return $"{bind.Groups["name"].Value} must be {what}, got '{bind.Groups["value"].Value}'";
        }
        var missing = MissingParameter().Match(e.Message);
        if (missing.Success) return $"{missing.Groups["name"].Value} is required";
        return WithoutTypeNames(e.Message);
    }

    /// <summary>A message with any .NET type name (System.Double[][], Geo.MapViewer.Api.…) replaced by "a value".</summary>
    public static string WithoutTypeNames(string message) => TypeName().Replace(message, "a value");

    [GeneratedRegex(@"^\$\.([a-z_0-9]+)")]
    private static partial Regex FieldOfPath();

    [GeneratedRegex("parameter \"(?<type>[^\" ]+) (?<name>[^\" ]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex BindFailure();

    [GeneratedRegex("parameter \"(?<type>[^\" ]+) (?<name>[^\" ]+)\" was not provided")]
    private static partial Regex MissingParameter();

    [GeneratedRegex(@"'?\b(System|Microsoft|Geo|NetTopologySuite)(\.[A-Za-z_`0-9]+)+(\[[\],]*\])*(\+[A-Za-z_0-9]+)?'?")]
    private static partial Regex TypeName();
}
