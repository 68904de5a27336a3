namespace Geo.Rendering.Reports;

/// <summary>A table of the report: its header, which columns are numbers, and its rows.</summary>
public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<bool> Numeric, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A section: a heading, lines (bullets) and an optional table after them.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Lines, ReportTable? Table = null);

/// <summary>The report as content, written out as Markdown or HTML by <see cref="ReportWriter"/>.</summary>
public sealed record ReportDocument(string Language, string Title, IReadOnlyList<string> Headlines, string? MapImage, IReadOnlyList<ReportSection> Sections, string Footer);
