using Geo.Cluster.Cities;
using Geo.Cluster.Grains;
using Geo.Cluster.Hosting;
using Geo.Data.PostGis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Geo.Cluster.Batch;

/// <summary>
/// Audits many cities on a running cluster: a client joins through the silos' gateways, each city's grain audits
/// where the city lives and writes its layers to <c>{schema}_{city}</c> in one transaction, and each finished city
/// gets its row in <see cref="AuditSummaryTable"/>. A city whose silo is lost is asked once more (Orleans places it
/// on another silo); a city that fails is reported with its reason and does not stop the others.
/// </summary>
public static class ClusterAudit
{
    public static async Task<IReadOnlyList<CityAuditOutcome>> Run(ClusterMembership membership, string citiesGiven, string profile, double minutes,
        PostGisLocation output, Action<CityAuditOutcome> finished, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            membership.Join(client);
            // Each call returns within seconds (the audit runs on its own and is asked for again), so a call to a silo
            // that died is given up soon.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20));
        });
        using var host = builder.Build();
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            connecting.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await host.StartAsync(connecting.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                throw new GeoInputException($"--cluster: no silo of cluster '{membership.ClusterId}' answered ({e.Message}); start them with 'geo serve --cluster …'");
            }
        }
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var known = await grains.GetGrain<ICityListGrain>(0).Names();
        var cities = Choose(citiesGiven, known);
        var summary = new AuditSummaryTable(output);
        summary.Create();
        var outcomes = await Task.WhenAll(cities.Select(async city =>
        {
            string schema = CitySchema(output.Schema, city);
            var outcome = await AuditOnItsSilo(grains.GetGrain<ICityGrain>(CityCatalog.Key(city, profile)), city, profile, minutes, output.ConnectionString, schema, cancellation);
            summary.Record(outcome);
            finished(outcome);
            return outcome;
        }));
        await host.StopAsync(CancellationToken.None);
        return outcomes;
    }

    /// <summary>
    /// Asks the city's grain until its audit is done. A failed call means its silo was lost: the next call starts the
    /// audit again wherever Orleans places the city; after <see cref="MaxSiloLosses"/> the city is reported failed.
    /// </summary>
    private static async Task<CityAuditOutcome> AuditOnItsSilo(ICityGrain grain, string city, string profile, double minutes, string connection, string schema,
        CancellationToken cancellation)
    {
        var losses = new List<string>();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                if (await grain.AuditTo(connection, schema, minutes) is { } done) return done;
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested)
            {
                losses.Add(e.GetType().Name);
                if (losses.Count >= MaxSiloLosses)
                {
                    return new CityAuditOutcome(city, profile, minutes, false, schema, $"its silo was lost {losses.Count} times ({string.Join(", ", losses)})", "", 0, 0, 0, 0, 0, 0, null);
                }
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
            }
        }
    }

    private const int MaxSiloLosses = 3;

    /// <summary>The schema of one city's audit tables: the output schema, '_', the city with '-' as '_'.</summary>
    public static string CitySchema(string outputSchema, string city) => $"{outputSchema}_{city.Replace('-', '_')}";

    private static IReadOnlyList<string> Choose(string given, IReadOnlyList<string> known)
    {
        if (given.Trim() == "all") return known;
        var names = given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var unknown = names.Where(n => !known.Contains(n)).ToList();
        if (unknown.Count > 0) throw new GeoInputException($"--cities: the cluster serves no {string.Join(", ", unknown.Select(u => $"'{u}'"))}; it serves {string.Join(", ", known)}");
        if (names.Count == 0) throw new GeoInputException("--cities: name the cities to audit, or all");
        return names;
    }
}
