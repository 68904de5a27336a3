// The map's layers: a base map drawn from the dataset's own streets and boundaries (no external tiles), the
// stations, the audit's layers as vector tiles from geo serve, and GeoJSON layers for what-if and siting results.
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import MVT from 'ol/format/MVT.js';
import { Style, Fill, Stroke, Circle as CircleStyle, Text } from 'ol/style.js';
import { words } from './i18n.js';

// Colours come from the server's style (/api/style), the one style the PNG map and the brief are drawn with.
export const palette = {};

export function applyStyle(style) {
  const c = style.colours;
  Object.assign(palette, {
    breaks: style.breaks,
    breakLines: style.break_lines,
    coverage: c.coverage,
    coverageLine: c.coverage_line,
    gap: c.gap,
    blindSpot: c.blind_spot,
    blindSpotLine: c.blind_spot_line,
    pairing: c.pairing,
    territory: c.territory,
    station: c.station,
    whatIf: c.whatif_station,
    addedCoverage: c.added_coverage,
    addedCoverageLine: c.added_coverage_line,
    site: c.suggested_site,
    unitOutline: c.unit_outline,
    street: c.street,
    majorStreet: c.major_street,
    shareRamp: style.share_ramp,
  });
}

const rgb = (css) => {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
  return css.replace(/[^\d.,]/g, '').split(',').slice(0, 3).map(Number);
};

/** A unit's share of demand covered on the style's ramp: red (0 %) through yellow to the coverage green (100 %). */
export function shareColour(share, alpha = 0.55) {
  const s = Math.max(0, Math.min(1, share ?? 0));
  const [a, b] = s < 0.5 ? [palette.shareRamp[0], palette.shareRamp[1]] : [palette.shareRamp[1], palette.shareRamp[2]];
  const t = s < 0.5 ? s * 2 : (s - 0.5) * 2;
  const [x, y] = [rgb(a), rgb(b)];
  const mix = x.map((v, i) => Math.round(v + (y[i] - v) * t));
  return `rgba(${mix[0]}, ${mix[1]}, ${mix[2]}, ${alpha})`;
}

const streetWidths = { motorway: 3, trunk: 3, primary: 2.5, secondary: 2, tertiary: 1.5 };

function tileSource(layer, query) {
  return new VectorTileSource({ format: new MVT(), url: `tiles/${layer}/{z}/{x}/{y}.pbf?${query}`, maxZoom: 18 });
}

export function createLayers(state) {
  const query = () => `profile=${state.profile}&minutes=${state.minutes}`;
  const sources = {};
  const tiles = (name, style, options = {}) => {
    sources[name] ??= tileSource(name, query());
    return new VectorTileLayer({ source: sources[name], style, declutter: false, ...options });
  };

  const streets = tiles('streets', (f) => new Style({
    stroke: new Stroke({ color: streetWidths[f.get('highway')] ? palette.majorStreet : palette.street, width: streetWidths[f.get('highway')] ?? 1 }),
  }));
  const subdistrictOutline = new Stroke({ color: palette.unitOutline, width: 1, lineDash: [4, 3] });
  const subdistricts = tiles('subdistricts', (f) => new Style({
    stroke: subdistrictOutline,
    fill: state.choropleth ? new Fill({ color: shareColour(f.get('demand_share')) }) : new Fill({ color: 'rgba(0,0,0,0)' }),
  }));
  const breakLayers = [0, 1, 2].map((i) => tiles('service_areas', (f) => {
    if (Number(f.get('minutes')) !== state.breaks[i]) return null;
    return new Style({ fill: new Fill({ color: palette.breaks[i] }), stroke: new Stroke({ color: palette.breakLines[i], width: 1 }) });
  }, { visible: false }));
  const coverage = tiles('coverage', new Style({ fill: new Fill({ color: palette.coverage }), stroke: new Stroke({ color: palette.coverageLine, width: 1.2 }) }));
  const gaps = tiles('gaps', new Style({ fill: new Fill({ color: palette.gap }) }), { visible: false });
  const blindSpotArea = new Style({ fill: new Fill({ color: palette.blindSpot }), stroke: new Stroke({ color: palette.blindSpotLine, width: 1 }) });
  const blindSpots = tiles('blind_spots', (f) => {
    if (f.getType() !== 'Point') return blindSpotArea;
    if (Number(f.get('rank')) > 10) return null;
    return new Style({ text: new Text({ text: `#${f.get('rank')}`, fill: new Fill({ color: palette.blindSpotLine }), stroke: new Stroke({ color: '#fff', width: 3 }), font: 'bold 12px sans-serif' }) });
  }, { visible: true });
  const pairing = tiles('pairing', new Style({ stroke: new Stroke({ color: palette.pairing, width: 1.5, lineDash: [6, 4] }) }), { visible: false });
  const territories = tiles('territories', new Style({ fill: new Fill({ color: palette.territory }), stroke: new Stroke({ color: '#00897b', width: 1 }) }), { visible: false });

  const stationSource = new VectorSource();
  const stations = new VectorLayer({
    source: stationSource,
    style: (f, resolution) => new Style({
      image: new CircleStyle({ radius: 6, fill: new Fill({ color: palette.station }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: resolution < 20 && f.get('name') ? new Text({ text: f.get('name'), offsetY: -14, font: '12px "Noto Sans CJK SC", sans-serif', fill: new Fill({ color: palette.station }), stroke: new Stroke({ color: '#fff', width: 3 }) }) : undefined,
    }),
    zIndex: 20,
  });
  const selection = new VectorLayer({ source: new VectorSource(), zIndex: 10, style: (f) => f.get('minutes') !== undefined
    ? new Style({ fill: new Fill({ color: 'rgba(255, 111, 0, 0.18)' }), stroke: new Stroke({ color: '#ef6c00', width: 2 }) })
    : new Style({ fill: new Fill({ color: palette.territory }), stroke: new Stroke({ color: '#00897b', width: 2, lineDash: [4, 2] }) }) });
  // A what-if shows its stations and the land they add to the coverage, nothing else.
  const whatIf = new VectorLayer({ source: new VectorSource(), zIndex: 15, style: (f) => (f.getGeometry().getType() === 'Point'
    ? new Style({ image: new CircleStyle({ radius: 7, fill: new Fill({ color: palette.whatIf }), stroke: new Stroke({ color: '#fff', width: 2 }) }) })
    : new Style({ fill: new Fill({ color: palette.addedCoverage }), stroke: new Stroke({ color: palette.addedCoverageLine, width: 1.5 }) })) });
  const sites = new VectorLayer({ source: new VectorSource(), zIndex: 16, style: (f) => new Style({
    image: new CircleStyle({ radius: 8, fill: new Fill({ color: palette.site }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    text: new Text({ text: String(f.get('order')), fill: new Fill({ color: '#fff' }), font: 'bold 10px sans-serif' }),
  }) });

  const names = () => words(state.lang).layerNames;
  const switchable = [
    { key: 'streets', label: () => names().streets, layer: streets },
    { key: 'subdistricts', label: () => `${state.units?.label ?? ''} ${names().subdistricts}`, layer: subdistricts },
    { key: 'choropleth', label: () => names().choropleth, toggle: (on) => { state.choropleth = on; subdistricts.changed(); }, on: false },
    { key: 'stations', label: () => names().stations, layer: stations },
    ...breakLayers.map((layer, i) => ({ key: `break-${i}`, label: () => words(state.lang).breakLayer(state.breaks[i]), layer })),
    { key: 'coverage', label: () => names().coverage, layer: coverage },
    { key: 'gaps', label: () => names().gaps, layer: gaps },
    { key: 'blind_spots', label: () => names().blind_spots, layer: blindSpots },
    { key: 'pairing', label: () => names().pairing, layer: pairing },
    { key: 'territories', label: () => names().territories, layer: territories },
  ];
  const refresh = () => {
    for (const [name, source] of Object.entries(sources)) {
      if (name === 'streets') continue;
      source.setUrl(`tiles/${name}/{z}/{x}/{y}.pbf?${query()}`);
      source.refresh();
    }
  };
  return {
    ordered: [streets, subdistricts, territories, coverage, ...breakLayers.slice().reverse(), gaps, blindSpots, pairing, selection, whatIf, sites, stations],
    switchable, stations, stationSource, subdistricts, selection, whatIf, sites, refresh,
  };
}
