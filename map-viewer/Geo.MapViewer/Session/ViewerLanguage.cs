using Geo.Rendering.Words;

namespace Geo.MapViewer.Session;

/// <summary>The page's first language (from the data's names and place) and what its units are, for the header and the style.</summary>
internal static class ViewerLanguage
{
    public static (OutputLanguage Language, string Reason) Of(ViewerSession session)
    {
        var inputs = session.Inputs;
        var centre = session.Extent.Centre;
        return OutputLanguages.Detect(inputs.Subdistricts.Select(s => s.Name).Concat(inputs.Stations.Select(s => s.Name)), centre.X, centre.Y);
    }

    public static UnitKind Units(ViewerSession session) =>
        UnitKinds.Of(session.Inputs.SubdistrictsFrom, session.Inputs.Subdistricts.Select(s => s.Name).ToList());
}
