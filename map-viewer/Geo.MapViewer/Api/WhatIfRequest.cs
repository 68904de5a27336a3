namespace Geo.MapViewer.Api;

/// <summary>A what-if question: the coverage if stations stood at these [lon, lat] places as well as the existing ones.</summary>
public sealed record WhatIfRequest(double[][]? Stations, string? Profile = null, double? Minutes = null);
