using System.Text.RegularExpressions;

namespace Geo.Data.Features;

/// <summary>
/// Table and layer names Geo accepts: plain identifiers, so they can be quoted into SQL safely and mean the same
/// in GeoPackage, PostGIS and QGIS.
/// </summary>
public static partial class LayerName
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();

    public static bool IsPlain(string name) => PlainIdentifier().IsMatch(name);

    /// <summary>Returns the name when plain; otherwise throws naming what it was for.</summary>
    public static string Require(string name, string what = "layer")
    {
        if (!IsPlain(name))
        {
            throw new GeoInputException(
                $"{what} name '{name}' is not a plain identifier (letters, digits and _, not starting with a digit, at most 63 characters)");
        }
        return name;
    }

    public static string Quoted(string name) => "\"" + Require(name) + "\"";
}
