using System.Diagnostics;
using Geo.Analyses.Coverage;
using Geo.Cluster.Cities;
using Geo.Cluster.Hosting;
using Geo.Coordinates;
using Geo.Data;
using Geo.Data.Model;
using Geo.Data.PostGis;
using Geo.MapViewer.Api;
using Geo.MapViewer.Session;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Geo.Cluster.Grains;

/// <summary>
/// A city for one profile on the silo Orleans placed it on. It loads on the first request (not on a status
/// question), answers through the single-city server's pipeline, keeps a failed load's reason until it is unloaded,
/// and unloads itself when no request came for <see cref="CityDefaults.Idle"/>. Requests run side by side: the
/// session's own limits (computation slots, time limit) apply, shared by every city of the silo.
/// </summary>
[Reentrant]
internal sealed class CityGrain(CityCatalog catalog, ServerLimits limits, ILocalSiloDetails silo, ILogger<CityGrain> log) : Grain, ICityGrain
{
    private string _city = "", _profile = "";
    private Task<CityPipeline>? _loading;
    private readonly Stopwatch _loadClock = new();
    private double? _loadSeconds;
    private string? _failure;
    private DateTime _lastRequest = DateTime.UtcNow;
    private readonly Dictionary<(string, string, double), Task<CityAuditOutcome>> _audits = new();

    /// <summary>How long one <see cref="AuditTo"/> call waits for the audit before answering "still running".</summary>
    private static readonly TimeSpan AuditPoll = TimeSpan.FromSeconds(5);

    private string SiloName => silo.SiloAddress.Endpoint.ToString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_city, _profile) = CityCatalog.FromKey(this.GetPrimaryKeyString());
        var idle = catalog.Defaults.Idle;
        this.RegisterGrainTimer(UnloadWhenIdle, new GrainTimerCreationOptions(idle / 4, idle / 4) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_loading is { IsCompletedSuccessfully: true } loaded) await loaded.Result.DisposeAsync();
    }

    public Task<CityStatus> Status()
    {
        var state = _loading is null ? CityState.NotLoaded
            : _failure is not null ? CityState.Failed
            : _loading.IsCompletedSuccessfully ? CityState.Ready
            : CityState.Loading;
        return Task.FromResult(new CityStatus(_city, _profile, state, _failure, SiloName, _loadSeconds));
    }

    public async Task<CityAnswer> Answer(CityRequest request)
    {
        _lastRequest = DateTime.UtcNow;
        var loading = Load();
        try
        {
            var pipeline = await loading.WaitAsync(catalog.Defaults.Wait);
            return await pipeline.Send(request, CancellationToken.None);
        }
        catch (TimeoutException) when (!loading.IsCompleted)
        {
            return ProblemAnswers.Unavailable($"city '{_city}' is loading ({_profile}, {_loadClock.Elapsed.TotalSeconds:0} s so far); try again in {ProblemAnswers.RetryAfterSeconds} s");
        }
        catch (Exception) when (_failure is not null)
        {
            return ProblemAnswers.Failed($"city '{_city}' could not be loaded: {_failure}");
        }
        finally
        {
            // Idle time counts from the end of the last request: one that waited for the load was busy all along.
            _lastRequest = DateTime.UtcNow;
        }
    }

    public async Task<CityAuditOutcome?> AuditTo(string connection, string schema, double minutes)
    {
        _lastRequest = DateTime.UtcNow;
        var key = (connection, schema, minutes);
        if (!_audits.TryGetValue(key, out var audit))
        {
            var loading = Load();
            _audits[key] = audit = Task.Run(() => Audit(loading, connection, schema, minutes));
        }
        await Task.WhenAny(audit, Task.Delay(AuditPoll));
        _lastRequest = DateTime.UtcNow;
        if (!audit.IsCompleted) return null;
        _audits.Remove(key);
        return audit.Result;
    }

    private async Task<CityAuditOutcome> Audit(Task<CityPipeline> loading, string connection, string schema, double minutes)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var target = PostGisLocation.Parse(connection, schema);
            var source = catalog.Find(_city)!.Data;
            if (FeatureStores.IsPostGis(source) && SameSchema(PostGisLocation.Parse(source), target))
            {
                throw new GeoInputException($"the audit would replace the city's own data in schema {schema}; write to another --out schema");
            }
            var session = (await loading).Session;
            var result = session.Audit(_profile, minutes);
            var streets = DatasetLayers.ToLayers(session.Inputs.Dataset).First(l => l.Name == DatasetLayers.Streets);
            new PostGisStore(target).WriteLayers(AuditLayers.ToLayers(result).Append(streets).ToList());
            var e = session.Extent;
            return new CityAuditOutcome(_city, _profile, minutes, true, schema, null, SiloName, result.Totals.Stations, result.Totals.StreetKm,
                result.Totals.CoveredStreetKm, result.Totals.LandShare, result.BlindSpots.Count(b => !b.IsFragment), clock.Elapsed.TotalSeconds,
                new[] { e.MinX, e.MinY, e.MaxX, e.MaxY });
        }
        catch (Exception e)
        {
            string reason = _failure is not null ? $"could not be loaded: {_failure}" : e.Message;
            return new CityAuditOutcome(_city, _profile, minutes, false, schema, reason, SiloName, 0, 0, 0, 0, 0, clock.Elapsed.TotalSeconds, null);
        }
    }

    private Task<CityPipeline> Load()
    {
        if (_loading is not null) return _loading;
        var source = catalog.Find(_city) ?? throw new InvalidOperationException($"city '{_city}' is not in this silo's --cities");
        var defaults = catalog.Defaults;
        _loadClock.Restart();
        log.LogInformation("loading city {City} ({Profile}) from {Source}", _city, _profile, Redacted(source.Data));
        _loading = Task.Run(async () =>
        {
            try
            {
                var (session, _) = ViewerLoading.Load(source.Data, null, null, Array.Empty<string>(), _profile, defaults.Minutes, defaults.MaxSnapMeters,
                    InputCrs.Wgs84, defaults.Direction, defaults.CacheMegabytes);
                var pipeline = await CityPipeline.Start(session, limits);
                _loadSeconds = _loadClock.Elapsed.TotalSeconds;
                return pipeline;
            }
            catch (Exception e)
            {
                _failure = e is GeoInputException ? e.Message : $"{e.Message} ({e.GetType().Name})";
                _loadSeconds = _loadClock.Elapsed.TotalSeconds;
                log.LogWarning("city {City} ({Profile}) could not be loaded: {Reason}", _city, _profile, _failure);
                throw;
            }
        });
        return _loading;
    }

    private Task UnloadWhenIdle(CancellationToken cancellation)
    {
        // A city still loading is never idle: its first request is waiting for it.
        if (_loading is { IsCompleted: true } && DateTime.UtcNow - _lastRequest > catalog.Defaults.Idle)
        {
            log.LogInformation("unloading idle city {City} ({Profile})", _city, _profile);
            DeactivateOnIdle();
        }
        return Task.CompletedTask;
    }

    private static bool SameSchema(PostGisLocation a, PostGisLocation b)
    {
        var (x, y) = (new Npgsql.NpgsqlConnectionStringBuilder(a.ConnectionString), new Npgsql.NpgsqlConnectionStringBuilder(b.ConnectionString));
        return a.Schema == b.Schema && string.Equals(x.Host, y.Host, StringComparison.OrdinalIgnoreCase) && x.Port == y.Port && x.Database == y.Database;
    }

    /// <summary>A source as it may be printed: a connection string's password hidden.</summary>
    internal static string Redacted(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"(?i)(password\s*=\s*)[^;]*", "$1***");
}
