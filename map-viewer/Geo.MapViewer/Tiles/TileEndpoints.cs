using Geo.MapViewer.Api;
using Geo.MapViewer.Session;

namespace Geo.MapViewer.Tiles;

/// <summary>GET /tiles/{layer}/{z}/{x}/{y}.pbf: Mapbox vector tiles of one layer, for the profile and break asked.</summary>
internal static class TileEndpoints
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/tiles/{layer}/{z:int}/{x:int}/{y:int}.pbf", async (HttpContext context, ViewerSession session, TileCache tiles,
            string layer, int z, int x, int y, string? profile, double? minutes) =>
        {
            if (!TileLayers.Names.Contains(layer)) throw ApiProblemException.NotFound($"no tile layer '{layer}': use one of {string.Join(", ", TileLayers.Names)}");
            if (z is < 0 or > TileCache.MaxZoom) throw ApiProblemException.NotFound($"no tiles at zoom {z}: zoom levels are 0–{TileCache.MaxZoom}");
            long size = 1L << z;
            if (x < 0 || y < 0 || x >= size || y >= size) throw ApiProblemException.NotFound($"tile {z}/{x}/{y} does not exist: x and y must be in 0–{size - 1} at zoom {z}");
            var (p, m) = (RequestChecks.Profile(session, profile), RequestChecks.Minutes(session, minutes));
            if (!TileLayers.IsStatic(layer)) await session.FirstView.WaitIfWorkingAsync(p, m, context.RequestAborted);
            var bytes = await Compute.RunAsync(context, c => tiles.Tile(layer, p, m, z, x, y, c), heavy: !TileLayers.IsReady(session, layer, p, m));
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Bytes(bytes, ContentType);
        })
        .WithName("Tile").WithSummary("A Mapbox vector tile (z/x/y, XYZ scheme) of one layer: " + string.Join(", ", TileLayers.Names))
        .Produces(StatusCodes.Status200OK, contentType: ContentType)
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
