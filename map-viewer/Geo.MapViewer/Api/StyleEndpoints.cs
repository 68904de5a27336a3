using Geo.MapViewer.Session;
using Geo.Rendering.Style;
using Geo.Rendering.Words;

namespace Geo.MapViewer.Api;

/// <summary>GET /api/style: the colours, legend and glossary every Geo map uses, so the web page colours and words match the PNG and the brief.</summary>
internal static class StyleEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/style", (ViewerSession session, string? lang, double? minutes) =>
        {
            var language = lang is null ? ViewerLanguage.Of(session).Language : ParseLanguage(lang);
            double m = RequestChecks.Minutes(session, minutes);
            return ApiJson.Json(StyleDocument.For(language, m, ViewerLanguage.Units(session)));
        })
        .WithName("Style").WithSummary("Map colours, legend labels and the glossary (道路覆盖率 street coverage, 面积覆盖率 served land, …) in zh or en")
        .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static OutputLanguage ParseLanguage(string lang)
    {
        try
        {
            return OutputLanguages.Parse(lang);
        }
        catch (GeoInputException)
        {
            throw ApiProblemException.BadRequest($"lang must be zh or en, got '{lang}'");
        }
    }
}
