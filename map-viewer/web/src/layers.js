// The map's layers: a base map drawn from the dataset's own streets and boundaries (no external tiles), the
// stations, the audit's layers as vector tiles from geo serve, and GeoJSON layers for what-if and siting results.
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import MVT from 'ol/format/MVT.js';
import { Style, Fill, Stroke, Circle as CircleStyle, Text } from 'ol/style.js';

export const palette = {
  breaks: ['rgba(46, 139, 87, 0.35)', 'rgba(255, 193, 7, 0.30)', 'rgba(30, 136, 229, 0.25)'],
  breakLines: ['#2e8b57', '#c79100', '#1e88e5'],
  coverage: 'rgba(30, 136, 229, 0.25)',
  gap: 'rgba(225, 45, 57, 0.30)',
  blindSpot: 'rgba(156, 39, 176, 0.45)',
  pairing: '#6a1b9a',
  territory: 'rgba(0, 150, 136, 0.15)',
  station: '#d9480f',
  whatIf: '#e12d39',
  site: '#2b8a3e',
};

/** Red (0 %) through yellow to green (100 %): a subdistrict's share of demand covered. */
export function shareColour(share, alpha = 0.55) {
  const s = Math.max(0, Math.min(1, share ?? 0));
  const r = s < 0.5 ? 220 : Math.round(220 - (s - 0.5) * 2 * 170);
  const g = s < 0.5 ? Math.round(60 + s * 2 * 150) : 190;
  return `rgba(${r}, ${g}, 60, ${alpha})`;
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
    stroke: new Stroke({ color: streetWidths[f.get('highway')] ? '#9aa5b1' : '#c3ccd5', width: streetWidths[f.get('highway')] ?? 1 }),
  }));
  const subdistrictOutline = new Stroke({ color: '#52606d', width: 1, lineDash: [4, 3] });
  const subdistricts = tiles('subdistricts', (f) => new Style({
    stroke: subdistrictOutline,
    fill: state.choropleth ? new Fill({ color: shareColour(f.get('demand_share')) }) : new Fill({ color: 'rgba(0,0,0,0)' }),
  }));
  const breakLayers = [0, 1, 2].map((i) => tiles('service_areas', (f) => {
    if (Number(f.get('minutes')) !== state.breaks[i]) return null;
    return new Style({ fill: new Fill({ color: palette.breaks[i] }), stroke: new Stroke({ color: palette.breakLines[i], width: 1 }) });
  }, { visible: false }));
  const coverage = tiles('coverage', new Style({ fill: new Fill({ color: palette.coverage }), stroke: new Stroke({ color: '#1565c0', width: 1.2 }) }));
  const gaps = tiles('gaps', new Style({ fill: new Fill({ color: palette.gap }) }), { visible: false });
  const blindSpotArea = new Style({ fill: new Fill({ color: palette.blindSpot }), stroke: new Stroke({ color: '#6a1b9a', width: 1 }) });
  const blindSpots = tiles('blind_spots', (f) => {
    if (f.getType() !== 'Point') return blindSpotArea;
    if (Number(f.get('rank')) > 10) return null;
    return new Style({ text: new Text({ text: `#${f.get('rank')}`, fill: new Fill({ color: '#4a148c' }), stroke: new Stroke({ color: '#fff', width: 3 }), font: 'bold 12px sans-serif' }) });
  }, { visible: true });
  const pairing = tiles('pairing', new Style({ stroke: new Stroke({ color: palette.pairing, width: 1.5, lineDash: [6, 4] }) }), { visible: false });
  const territories = tiles('territories', new Style({ fill: new Fill({ color: palette.territory }), stroke: new Stroke({ color: '#00897b', width: 1 }) }), { visible: false });

  const stationSource = new VectorSource();
  const stations = new VectorLayer({
    source: stationSource,
    style: (f, resolution) => new Style({
      image: new CircleStyle({ radius: 6, fill: new Fill({ color: palette.station }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: resolution < 20 && f.get('name') ? new Text({ text: f.get('name'), offsetY: -14, font: '12px "Noto Sans CJK SC", sans-serif', fill: new Fill({ color: '#7c2d12' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) : undefined,
    }),
    zIndex: 20,
  });
  const selection = new VectorLayer({ source: new VectorSource(), zIndex: 10, style: (f) => f.get('minutes') !== undefined
    ? new Style({ fill: new Fill({ color: 'rgba(255, 111, 0, 0.18)' }), stroke: new Stroke({ color: '#ef6c00', width: 2 }) })
    : new Style({ fill: new Fill({ color: palette.territory }), stroke: new Stroke({ color: '#00897b', width: 2, lineDash: [4, 2] }) }) });
  const whatIf = new VectorLayer({ source: new VectorSource(), zIndex: 15, style: (f) => f.getGeometry().getType() === 'Point'
    ? new Style({ image: new CircleStyle({ radius: 7, fill: new Fill({ color: palette.whatIf }), stroke: new Stroke({ color: '#fff', width: 2 }) }) })
    : f.get('kind') === 'gap' ? new Style({ fill: new Fill({ color: palette.gap }) })
      : new Style({ fill: new Fill({ color: 'rgba(225, 45, 57, 0.12)' }), stroke: new Stroke({ color: palette.whatIf, width: 1.5 }) }) });
  const sites = new VectorLayer({ source: new VectorSource(), zIndex: 16, style: (f) => new Style({
    image: new CircleStyle({ radius: 8, fill: new Fill({ color: palette.site }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    text: new Text({ text: String(f.get('order')), fill: new Fill({ color: '#fff' }), font: 'bold 10px sans-serif' }),
  }) });

  const switchable = [
    { key: 'streets', label: '街道 Streets', layer: streets },
    { key: 'subdistricts', label: '街道/社区边界 Subdistricts', layer: subdistricts },
    { key: 'choropleth', label: '社区覆盖率 Subdistrict coverage', toggle: (on) => { state.choropleth = on; subdistricts.changed(); }, on: false },
    { key: 'stations', label: '站点 Stations', layer: stations },
    ...breakLayers.map((layer, i) => ({ key: `break-${i}`, label: () => `${state.breaks[i]} 分钟服务圈 ${state.breaks[i]}-min areas`, layer })),
    { key: 'coverage', label: '合并覆盖 Merged coverage', layer: coverage },
    { key: 'gaps', label: '空白区 Gaps', layer: gaps },
    { key: 'blind_spots', label: '盲区 Blind spots', layer: blindSpots },
    { key: 'pairing', label: '结对连线 Pairing lines', layer: pairing },
    { key: 'territories', label: '服务辖区 Territories', layer: territories },
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
