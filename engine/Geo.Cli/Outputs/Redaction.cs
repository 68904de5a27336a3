using System.Text;
using System.Text.RegularExpressions;

namespace Geo.Cli.Outputs;

/// <summary>Hides passwords of connection strings in everything Geo prints: <c>Password=secret</c> becomes <c>Password=***</c>.</summary>
internal static class Redaction
{
    private static readonly Regex Secret = new(@"(?<key>\b(?:password|pwd|passfile|sslpassword|sslkey)\s*=\s*)(?:""[^""]*""|'[^']*'|[^;""'\s]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static string Apply(string text) =>
        text.Contains('=') && (text.Contains("pass", StringComparison.OrdinalIgnoreCase) || text.Contains("pwd", StringComparison.OrdinalIgnoreCase) || text.Contains("sslkey", StringComparison.OrdinalIgnoreCase))
            ? Secret.Replace(text, m => m.Groups["key"].Value + "***")
            : text;

    /// <summary>Wraps a console stream so nothing written through it can show a password.</summary>
    public static TextWriter Writer(TextWriter inner) => new RedactingWriter(inner);

    private sealed class RedactingWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;
        public override IFormatProvider FormatProvider => inner.FormatProvider;
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine { get => inner.NewLine; set => inner.NewLine = value; }
        public override void Write(char value) => inner.Write(value);
        public override void Write(char[] buffer, int index, int count) => inner.Write(Apply(new string(buffer, index, count)));
        public override void Write(string? value) => inner.Write(value is null ? null : Apply(value));
        public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : Apply(value));
        public override void WriteLine() => inner.WriteLine();
        public override void Flush() => inner.Flush();
    }
}
