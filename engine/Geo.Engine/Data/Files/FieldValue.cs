using Geo.Data.Features;

namespace Geo.Data.Files;

/// <summary>A feature's value checked against its column's type, for the text formats that write it out.</summary>
internal static class FieldValue
{
    /// <summary>The value as long, double, string or bool (null stays null); any other value names where it is.</summary>
    public static object? Checked(FeatureLayer layer, int feature, int column)
    {
        object? value = layer.Features[feature].Values[column];
        var type = layer.Fields[column].Type;
        return (type, value) switch
        {
            (_, null) => null,
            (FieldType.Integer, long or int or short or byte) => Convert.ToInt64(value),
            (FieldType.Real, double d) when double.IsFinite(d) => d,
            (FieldType.Real, float f) when float.IsFinite(f) => (double)f,
            (FieldType.Real, long or int) => Convert.ToDouble(value),
            (FieldType.Text, string) => value,
            (FieldType.Boolean, bool) => value,
            _ => throw new GeoInputException(
                $"layer '{layer.Name}' feature {feature + 1} column '{layer.Fields[column].Name}': {value} is not a valid {type} value"),
        };
    }
}
