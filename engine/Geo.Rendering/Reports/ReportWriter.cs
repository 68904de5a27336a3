using System.Net;
using System.Text;

namespace Geo.Rendering.Reports;

/// <summary>Writes a report document as Markdown or as one self-contained HTML page.</summary>
public static class ReportWriter
{
    public static string Markdown(ReportDocument report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {report.Title}").AppendLine();
        foreach (var h in report.Headlines) md.AppendLine($"- {h}");
        md.AppendLine();
        if (report.MapImage is not null) md.AppendLine($"![map]({report.MapImage})").AppendLine();
        foreach (var section in report.Sections)
        {
            md.AppendLine($"## {section.Heading}").AppendLine();
            foreach (var line in section.Lines) md.AppendLine($"- {line}");
            if (section.Lines.Count > 0) md.AppendLine();
            if (section.Table is { } table)
            {
                md.AppendLine($"| {string.Join(" | ", table.Header)} |");
                md.AppendLine($"|{string.Join("|", table.Numeric.Select(n => n ? "---:" : "---"))}|");
                foreach (var row in table.Rows) md.AppendLine($"| {string.Join(" | ", row.Select(c => c.Replace("|", "\\|")))} |");
                md.AppendLine();
            }
        }
        md.AppendLine(report.Footer);
        return md.ToString();
    }

    public static string Html(ReportDocument report)
    {
        string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.AppendLine($"<!doctype html><html lang=\"{(report.Language == "zh" ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\"><title>{E(report.Title)}</title>");
        html.AppendLine("<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}td.n{text-align:right}img{max-width:100%}</style></head><body>");
        html.AppendLine($"<h1>{E(report.Title)}</h1><ul>");
        foreach (var h in report.Headlines) html.AppendLine($"<li>{E(h)}</li>");
        html.AppendLine("</ul>");
        if (report.MapImage is not null) html.AppendLine($"<img src=\"{E(report.MapImage)}\" alt=\"map\">");
        foreach (var section in report.Sections)
        {
            html.AppendLine($"<h2>{E(section.Heading)}</h2>");
            if (section.Lines.Count > 0) html.AppendLine("<ul>" + string.Concat(section.Lines.Select(l => $"<li>{E(l)}</li>")) + "</ul>");
            if (section.Table is { } table)
            {
                html.Append("<table><tr>").Append(string.Concat(table.Header.Select(h => $"<th>{E(h)}</th>"))).AppendLine("</tr>");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>").Append(string.Concat(row.Select((c, i) => table.Numeric[i] ? $"<td class=n>{E(c)}</td>" : $"<td>{E(c)}</td>"))).AppendLine("</tr>");
                }
                html.AppendLine("</table>");
            }
        }
        html.AppendLine($"<p>{E(report.Footer)}</p></body></html>");
        return html.ToString();
    }
}
