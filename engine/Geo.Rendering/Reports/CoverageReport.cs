using System.Globalization;
using Geo.Analyses.Coverage;
using Geo.Rendering.Words;

namespace Geo.Rendering.Reports;

/// <summary>
/// The audit's report, in Chinese or English: the headline figures in the glossary's words, then what needs action
/// (the worst units, every unit with nothing covered on one line, the largest blind spots), the other units below
/// the bar, and the notes with repeated warnings folded into one counted line each.
/// </summary>
public static class CoverageReport
{
    public const int Worst = 10;

    public static ReportDocument Build(AuditResult audit, string? mapImage, double flagBelow, OutputLanguage language)
    {
        bool zh = language == OutputLanguage.Zh;
        string L(string c, string e) => zh ? c : e;
        var kind = UnitKinds.Of(audit.SubdistrictsFrom, audit.Subdistricts.Select(s => s.Name).ToList());
        string units = kind.Term().In(language);
        string m = audit.Minutes.ToString("0.##", CultureInfo.InvariantCulture);
        var t = audit.Totals;
        string direction = zh ? (audit.Direction == Geo.Streets.TravelDirection.ToStation ? "前往站点" : "从站点出发") : audit.DirectionText;
        var names = audit.ServiceAreas.Snapped.Where(s => !string.IsNullOrEmpty(s.Station.Name)).GroupBy(s => s.Station.Id).ToDictionary(g => g.Key, g => g.First().Station.Name!);

        var headlines = new List<string>
        {
            audit.StationsFrom,
            L($"{Glossary.StreetCoverage.Zh} {P(t.StreetShare)}：{t.CoveredStreetKm:0.0} / {t.StreetKm:0.0} km 道路在 {m} 分钟内可达（{audit.Profile}，{direction}）",
              $"{Glossary.StreetCoverage.En} {P(t.StreetShare)}: {t.CoveredStreetKm:0.0} of {t.StreetKm:0.0} km of streets reached within {m} minutes ({audit.Profile}, {direction})"),
            L($"{Glossary.ServedLand.Zh} {P(t.LandShare)}：{t.ServedLandKm2:0.00} / {t.LandKm2:0.00} km² 街区（街区按面积计，按站点可达的临街边长比例计入）",
              $"{Glossary.ServedLand.En} {P(t.LandShare)}: {t.ServedLandKm2:0.00} of {t.LandKm2:0.00} km² of city blocks ({AuditReport.LandMeaning})"),
            L($"{Glossary.DemandCoverage.Zh} {P(t.DemandShare)}：{t.CoveredDemand:0.#} / {t.Demand:0.#}（需求按 {audit.DemandFrom}）",
              $"{Glossary.DemandCoverage.En} {P(t.DemandShare)}: {t.CoveredDemand:0.#} of {t.Demand:0.#} covered (demand = {audit.DemandFrom})"),
            L($"站点 {t.Stations} 个参与分析，{t.Unsnapped} 个未接入道路（来源：{audit.StationsFrom}）",
              $"stations: {t.Stations} analysed, {t.Unsnapped} left out (from {audit.StationsFrom})"),
            L($"{units} {audit.Subdistricts.Count} 个（{audit.SubdistrictsFrom}）；{Glossary.BlindSpot.Zh} {audit.BlindSpots.Count} 处；不足 {audit.MinBlindSpotMeters:0} m 的零星路段 {audit.Fragments.Count} 段（{audit.Fragments.Sum(f => f.StreetKm):0.00} km）",
              $"{units}s: {audit.Subdistricts.Count} ({audit.SubdistrictsFrom}); {Glossary.BlindSpot.En}s: {audit.BlindSpots.Count}; fragments under {audit.MinBlindSpotMeters:0} m: {audit.Fragments.Count} ({audit.Fragments.Sum(f => f.StreetKm):0.00} km)"),
        };

        var below = audit.Subdistricts.Where(s => s.StreetKm > 0 && s.StreetShare < flagBelow).OrderBy(s => s.StreetShare).ThenByDescending(s => s.UncoveredStreetKm).ToList();
        var none = below.Where(s => s.CoveredStreetKm <= 0).ToList();
        var partly = below.Where(s => s.CoveredStreetKm > 0).ToList();
        var worst = partly.Take(Worst).ToList();

        var action = new List<string>();
        if (none.Count > 0)
        {
            action.Add(L($"{Glossary.StreetCoverage.Zh}为 0 % 的{units}（{none.Count} 个，合计 {none.Sum(s => s.StreetKm):0.0} km 道路）：{string.Join("、", none.Select(s => s.Name))}",
                $"{units}s with 0 % {Glossary.StreetCoverage.En} ({none.Count}, {none.Sum(s => s.StreetKm):0.0} km of streets): {string.Join(", ", none.Select(s => s.Name))}"));
        }
        foreach (var b in audit.BlindSpots.Take(3))
        {
            action.Add(L($"{Glossary.BlindSpot.Zh}第 {b.Rank} 名 {b.Id}：{b.StreetKm:0.00} km 道路、需求 {b.Demand:0.##}，在{b.Subdistrict ?? "—"}，{Nearest(b, audit, names, language)}",
                $"{Glossary.BlindSpot.En} #{b.Rank} {b.Id}: {b.StreetKm:0.00} km of streets, demand {b.Demand:0.##}, in {b.Subdistrict ?? "—"}; {Nearest(b, audit, names, language)}"));
        }
        if (worst.Count > 0) action.Add(L($"覆盖最差的 {worst.Count} 个{units}（不含 0 %）见下表", $"the {worst.Count} worst-covered {units}s (0 % ones aside) are in the table"));
        if (below.Count == 0) action.Add(L($"所有{units}的{Glossary.StreetCoverage.Zh}都不低于 {flagBelow:P0}", $"every {units} has at least {flagBelow:P0} {Glossary.StreetCoverage.En}"));
        var sections = new List<ReportSection>
        {
            new(L("需要处理", "Needs action"), action, worst.Count > 0 ? UnitTable(worst, units, language) : null),
            new(L($"{Glossary.BlindSpot.Zh}（{audit.BlindSpots.Count} 处），按未覆盖需求排序", $"Blind spots ({audit.BlindSpots.Count}), ranked by uncovered demand"),
                audit.BlindSpots.Count == 0 ? new[] { L("没有盲区", "no blind spots") } : Array.Empty<string>(),
                audit.BlindSpots.Count == 0 ? null : BlindSpotTable(audit, names, units, language)),
        };
        var rest = partly.Skip(Worst).ToList();
        if (rest.Count > 0)
        {
            sections.Add(new(L($"其余{Glossary.StreetCoverage.Zh}低于 {flagBelow:P0} 的{units}（{rest.Count} 个）", $"Other {units}s below {flagBelow:P0} {Glossary.StreetCoverage.En} ({rest.Count})"),
                Array.Empty<string>(), UnitTable(rest, units, language)));
        }
        if (audit.Warnings.Count > 0)
        {
            sections.Add(new(L("说明", "Notes"), FoldedWarning.Fold(audit.Warnings).Select(w => w.Line(zh)).ToList()));
        }
        sections.Add(new(L("术语", "Terms"), new[] { Glossary.StreetCoverage, Glossary.ServedLand, Glossary.DemandCoverage, Glossary.BlindSpot }
            .Select(term => $"{term.In(language)} ({(zh ? term.En : term.Zh)}): {term.Meaning(language)}").ToList()));

        return new ReportDocument(language.Code(),
            L($"{m} 分钟服务圈覆盖审计（{audit.Profile}）", $"Coverage audit: {m}-minute {audit.Profile} service circles"),
            headlines, mapImage, sections, L("地图数据 © OpenStreetMap 贡献者（ODbL）", "Map data © OpenStreetMap contributors (ODbL)."));
    }

    public static string Markdown(AuditResult audit, string? mapImage, double flagBelow, OutputLanguage language) =>
        ReportWriter.Markdown(Build(audit, mapImage, flagBelow, language));

    public static string Html(AuditResult audit, string? mapImage, double flagBelow, OutputLanguage language) =>
        ReportWriter.Html(Build(audit, mapImage, flagBelow, language));

    private static ReportTable UnitTable(IEnumerable<SubdistrictCoverage> rows, string units, OutputLanguage language)
    {
        bool zh = language == OutputLanguage.Zh;
        return new ReportTable(
            new[] { units, Glossary.StreetCoverage.In(language), Glossary.ServedLand.In(language), Glossary.DemandCoverage.In(language), zh ? "区内站点" : "stations inside", zh ? "未覆盖道路 km" : "uncovered street km" },
            new[] { false, true, true, true, true, true },
            rows.Select(s => (IReadOnlyList<string>)new[] { s.Name, P(s.StreetShare), P(s.LandShare), P(s.DemandShare), s.StationsInside.ToString(CultureInfo.InvariantCulture), F(s.UncoveredStreetKm, "0.00") }).ToList());
    }

    private static ReportTable BlindSpotTable(AuditResult audit, IReadOnlyDictionary<string, string> names, string units, OutputLanguage language)
    {
        bool zh = language == OutputLanguage.Zh;
        return new ReportTable(
            new[] { zh ? "排名" : "rank", zh ? "编号" : "id", zh ? "需求" : "demand", zh ? "道路 km" : "street km", zh ? "位置（经度, 纬度）" : "where (lon, lat)", units, zh ? "最近站点" : "nearest station" },
            new[] { true, false, true, true, false, false, false },
            audit.BlindSpots.Select(b => (IReadOnlyList<string>)new[]
            {
                b.Rank.ToString(CultureInfo.InvariantCulture), b.Id, F(b.Demand, "0.##"), F(b.StreetKm, "0.00"), $"{F(b.Lon, "0.00000")}, {F(b.Lat, "0.00000")}", b.Subdistrict ?? "—",
                Nearest(b, audit, names, language),
            }).ToList());
    }

    /// <summary>The nearest station by name and how far beyond the break its farthest street is.</summary>
    private static string Nearest(BlindSpot b, AuditResult audit, IReadOnlyDictionary<string, string> names, OutputLanguage language)
    {
        bool zh = language == OutputLanguage.Zh;
        string m = audit.Minutes.ToString("0.##", CultureInfo.InvariantCulture);
        if (b.BeyondBreakMinutes is not { } beyond) return zh ? $"{AuditOptions.NearestStationHorizonMinutes:0} 分钟内没有站点" : $"none within {AuditOptions.NearestStationHorizonMinutes:0} min";
        string station = b.NearestStationId is { } id && names.TryGetValue(id, out var n) ? n : b.NearestStationId ?? "—";
        string noRoute = b.NoRouteKm <= 0 ? ""
            : zh ? $"（其中 {F(b.NoRouteKm, "0.00")} km {AuditOptions.NearestStationHorizonMinutes:0} 分钟内无路可达站点）"
            : $" ({F(b.NoRouteKm, "0.00")} km of it with no route to a station within {AuditOptions.NearestStationHorizonMinutes:0} min)";
        return (zh ? $"{station}，超出 {m} 分钟 +{F(beyond, "0.0")} 分钟" : $"{station}, +{F(beyond, "0.0")} min beyond {m}") + noRoute;
    }

    private static string P(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0} %");

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
