namespace Geo.Data.Features;

public sealed record FieldDefinition(string Name, FieldType Type);
