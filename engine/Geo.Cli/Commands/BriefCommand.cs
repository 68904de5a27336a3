using System.CommandLine;
using Geo.Cli.Outputs;
using Geo.Rendering.Brief;
using Geo.Rendering.Words;

namespace Geo.Cli.Commands;

internal static class BriefCommand
{
    public static Command Create()
    {
        var audit = new Option<string>("--audit") { Description = "An audit folder written by 'geo audit'", Required = true };
        var siting = new Option<string?>("--siting") { Description = "A siting output (.gpkg with a new_sites layer) for the coverage-vs-K curve" };
        var subdistrict = new Option<string[]>("--subdistrict") { Description = "Add a page for this subdistrict (repeatable)" };
        var all = new Option<bool>("--all-subdistricts") { Description = "Add a page for every subdistrict" };
        var lang = SharedOptions.Language();
        var output = new Option<string>("--out") { Description = "The PDF to write", Required = true };
        var pngs = new Option<string?>("--png-dir") { Description = "Also write each page as a PNG into this folder" };
        var command = new Command("brief", "A printable map briefing (PDF, and PNG pages for slides) from an audit: overview map, subdistrict pages, summary.")
        {
            audit, siting, subdistrict, all, lang, output, pngs,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            string pdf = parse.GetValue(output)!;
            using var outputs = new OutputSet(parse.GetValue(audit), parse.GetValue(siting));
            string pdfStaging = outputs.File(pdf, "--out");
            string? pngStaging = parse.GetValue(pngs) is { } pngFolder ? outputs.Folder(pngFolder, "--png-dir", BriefDocument.IsPageFile) : null;
            var content = BriefContent.Load(parse.GetValue(audit)!, parse.GetValue(siting));
            var known = content.SubdistrictNames;
            var chosen = parse.GetValue(all) ? known.ToList() : (parse.GetValue(subdistrict) ?? Array.Empty<string>()).ToList();
            var unknown = chosen.Where(n => !known.Contains(n)).ToList();
            if (unknown.Count > 0)
            {
                throw new GeoInputException($"unknown subdistrict '{unknown[0]}'; known: {string.Join(", ", known.Take(40))}{(known.Count > 40 ? $" … ({known.Count} in all)" : "")}");
            }
            var language = SharedOptions.ChooseLanguage(parse.GetValue(lang), content.DetectLanguage);
            var document = new BriefDocument(content, language.Language);
            var pages = document.Pages(chosen);
            // The PNG pages are drawn on the other core while the PDF's are: both draw every page afresh from the
            // same content, which drawing only reads. Both are waited for, so neither writes once the outputs are settled.
            var pdfWritten = Task.Run(() => BriefDocument.WritePdf(pdfStaging, pages, document.Title));
            var pngsWritten = pngStaging is null ? Task.CompletedTask : Task.Run(() => BriefDocument.WritePngs(pngStaging, pages));
            Task.WaitAll(pdfWritten, pngsWritten);
            outputs.Commit();
            if (parse.GetValue(lang) is null) Console.Error.WriteLine($"geo: language: {language.Language.Code()} ({language.Reason}); --lang zh|en to choose");
            Console.WriteLine($"wrote {pdf} ({pages.Count} pages)");
            return 0;
        }));
        return command;
    }
}
