namespace Geo.Analyses.Siting;

/// <summary>Which exact solver follows greedy: the SCIP mixed-integer solver (when bundled) or CP-SAT.</summary>
public enum ExactSolver
{
    Scip,
    CpSat,
}

/// <summary>
/// How hard to look: the exact model's time limit and solver, or greedy alone; and the gap to the optimum that is
/// good enough (0: keep looking until proven optimal or out of time).
/// </summary>
public sealed record SolverOptions(TimeSpan TimeLimit, bool Exact = true, ExactSolver Solver = ExactSolver.Scip, double AcceptedGap = 0)
{
    /// <summary>SCIP when asked for and bundled, else CP-SAT.</summary>
    public bool UsesScip => Solver == ExactSolver.Scip && MipCoverage.IsAvailable;

    public static readonly SolverOptions Default = new(TimeSpan.FromSeconds(30));

    /// <summary>Parses a gap such as "0.1%" or "0.001" into a share between 0 and 1.</summary>
    public static double ParseGap(string text)
    {
        string t = text.Trim();
        double factor = 1;
        if (t.EndsWith('%')) { factor = 0.01; t = t[..^1].Trim(); }
        if (!double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value) || value * factor < 0 || value * factor >= 1)
        {
            throw new GeoInputException($"--gap '{text}' is not a share from 0 up to 100 %, e.g. 0.1% or 0.001");
        }
        return value * factor;
    }

    /// <summary>Parses "30s", "2m", "1h" or plain seconds.</summary>
    public static TimeSpan ParseTimeLimit(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        double factor = 1;
        if (t.EndsWith("ms")) { factor = 0.001; t = t[..^2]; }
        else if (t.EndsWith('s')) t = t[..^1];
        else if (t.EndsWith('m')) { factor = 60; t = t[..^1]; }
        else if (t.EndsWith('h')) { factor = 3600; t = t[..^1]; }
        if (!double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value) || value < 0 || value * factor > 86_400)
        {
            throw new GeoInputException($"--time-limit '{text}' is not a duration between 0 and 24 h, e.g. 30s or 2m");
        }
        return TimeSpan.FromSeconds(value * factor);
    }
}
