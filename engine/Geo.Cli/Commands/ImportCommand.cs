using System.CommandLine;
using Geo.Data;
using Geo.Data.Model;
using Geo.Data.Osm;
using Geo.Data.PostGis;
using Geo.Cli.Outputs;
using Spectre.Console;

namespace Geo.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create()
    {
        var extract = new Argument<string>("extract") { Description = "OpenStreetMap extract (.osm.pbf)" };
        var output = new Option<string?>("--out") { Description = "GeoPackage file to write (EPSG:4326 layers streets, pois, subdistricts, dataset_info)" };
        var postgis = new Option<string?>("--postgis") { Description = "Npgsql connection string of a PostGIS database to write the same layers to, as tables" };
        var schema = new Option<string>("--schema") { Description = "PostGIS schema for the tables", DefaultValueFactory = _ => PostGisLocation.DefaultSchema };
        var level = new Option<int>("--min-admin-level") { Description = "Highest admin_level kept as subdistricts (7: 街道/乡镇 and below)", DefaultValueFactory = _ => 7 };
        var command = new Command("import", "Import an OSM PBF extract into a Geo dataset (GeoPackage or PostGIS).") { extract, output, postgis, schema, level };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            string? gpkg = parse.GetValue(output), pg = parse.GetValue(postgis);
            if ((gpkg is null) == (pg is null)) throw new GeoInputException("give exactly one of --out <file.gpkg> or --postgis <connection string>");
            string target = gpkg ?? $"postgis:{pg}";
            int minLevel = parse.GetValue(level);
            if (minLevel is < 2 or > 11) throw new GeoInputException($"--min-admin-level {minLevel} is not an OSM admin level (2 = country … 11 = neighbourhood)");
            if (pg is not null) target = $"postgis:{PostGisLocation.Parse(pg, parse.GetValue(schema)).ConnectionString};Schema={PostGisLocation.Parse(pg, parse.GetValue(schema)).Schema}";
            using var outputs = new OutputSet(parse.GetValue(extract));
            var layerTarget = new LayerTarget(outputs, target, pg is null ? "--out" : "--postgis");

            var importer = new OsmPbfImporter { MinAdminLevel = minLevel };
            OsmImportResult result = null!;
            string written = "";
            CommandRunner.Progress.Status().Start("importing", context =>
            {
                result = importer.Import(parse.GetValue(extract)!, new Progress<string>(step => context.Status(step)));
                context.Status($"writing {(pg is null ? gpkg : "PostGIS")}");
                written = layerTarget.Write(DatasetLayers.ToLayers(result.Dataset));
                outputs.Commit();
            });
            foreach (var warning in result.Warnings) Console.Error.WriteLine($"geo: warning: {warning}");
            var d = result.Dataset;
            Console.WriteLine($"{written.Split(" (")[0]}: {d.Streets.Count} street pieces, {d.Pois.Count} POIs, {d.Subdistricts.Count} subdistricts" +
                (result.AdminLevels.Count > 0 ? $" (admin levels {string.Join(", ", result.AdminLevels)})" : "") +
                $", sha256 {d.Metadata.Sha256[..12]}…");
            return 0;
        }));
        return command;
    }
}
