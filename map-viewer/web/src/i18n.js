// The page's words in Chinese and English. Glossary terms (道路覆盖率 street coverage, 网格 planning cell, …) and
// legend labels come from the server's style (/api/style), the same words the report, map and brief use; this
// module holds only the page's own controls.
const fixed = (v, digits) => (v === null || v === undefined ? '–' : Number(v).toFixed(digits));
// Why the blind-spot count moved: the first few changes, then how many more, so the panel stays readable.
const changes = (r) => {
  const list = r.blind_spot_changes ?? [];
  if (!list.length) return '';
  return `; ${list.slice(0, 3).join('; ')}${list.length > 3 ? `; … (+${list.length - 3})` : ''}`;
};

const ui = {
  zh: {
    title: '服务圈地图', analysis: '分析', profile: '出行方式', break: '服务圈', minutes: '分钟', coverage: '覆盖',
    stations: '站点', whatif: '假设新站', add: '添加站点（点一次地图）', reset: '重置', siting: '选址', newStations: '新站数',
    suggest: '建议选址', layers: '图层', legend: '图例', hint: '点击“添加站点”，再点击地图一次。', placing: '点击地图放置一个站点',
    recomputing: '计算中…', computing: '计算中…', firstView: (s) => `正在计算现状覆盖（已用 ${fixed(s, 0)} 秒）…`, notAdded: '未能添加', added: (n, ms) => `已假设 ${n} 个新站，用时 ${ms} ms`,
    unnamed: '无名道路', near: (s) => `${s} 附近`, gap: '差距', from: '来源', serviceAreas: '服务圈', paired: '结对',
    street: '所在道路', inside: '区内站点', worst: '最远用时', of: '/', streets: '道路', areaCovered: '已覆盖面积',
    stationsIn: (n, from) => `${n} 个站点（${from}）`, unitsIn: (n, unit) => `${n} 个${unit}`, langName: 'English',
    layerNames: { streets: '道路', subdistricts: '边界', choropleth: '覆盖率分级', stations: '站点', coverage: '服务圈覆盖', gaps: '未覆盖',
      blind_spots: '盲区', pairing: '结对连线', territories: '服务辖区' },
    breakLayer: (m) => `${m} 分钟服务圈`, shareRamp: '需求覆盖率 0 → 100 %',
    startingFrom: (p) => `从现状 ${p} 起`,
    whatIfResult: (r, n) => `未覆盖道路 ${fixed(r.uncovered_street_km_before, 1)} → ${fixed(r.uncovered_street_km_after, 1)} km，未覆盖需求 ${fixed(r.uncovered_demand_before, 1)} → ${fixed(r.uncovered_demand_after, 1)}${changes(r)}。已假设 ${n} 个新站，用时 ${r.elapsed_ms} ms`,
  },
  en: {
    title: 'Service-coverage map', analysis: 'Analysis', profile: 'Profile', break: 'Break', minutes: 'min', coverage: 'Coverage',
    stations: 'stations', whatif: 'What-if', add: 'Add a station (one click on the map)', reset: 'Reset', siting: 'Siting', newStations: 'New stations',
    suggest: 'Suggest sites', layers: 'Layers', legend: 'Legend', hint: 'Click "Add a station", then click the map once.', placing: 'Click the map to place one station',
    recomputing: 'Recomputing…', computing: 'Computing…', firstView: (s) => `Working out today's coverage (${fixed(s, 0)} s so far)…`, notAdded: 'Not added', added: (n, ms) => `${n} what-if station(s), recomputed in ${ms} ms`,
    unnamed: 'unnamed street', near: (s) => `near ${s}`, gap: 'gap', from: 'from', serviceAreas: 'Service areas', paired: 'Paired',
    street: 'Street', inside: 'Stations inside', worst: 'Worst time', of: 'of', streets: 'streets', areaCovered: 'land served',
    stationsIn: (n, from) => `${n} stations (${from})`, unitsIn: (n, unit) => `${n} ${unit}s`, langName: '中文',
    layerNames: { streets: 'Streets', subdistricts: 'Boundaries', choropleth: 'Coverage classes', stations: 'Stations', coverage: 'Covered', gaps: 'Not covered',
      blind_spots: 'Blind spots', pairing: 'Pairing lines', territories: 'Territories' },
    breakLayer: (m) => `${m}-min areas`, shareRamp: 'demand covered 0 → 100 %',
    startingFrom: (p) => `starting from today's ${p}`,
    whatIfResult: (r, n) => `Uncovered streets ${fixed(r.uncovered_street_km_before, 1)} → ${fixed(r.uncovered_street_km_after, 1)} km, uncovered demand ${fixed(r.uncovered_demand_before, 1)} → ${fixed(r.uncovered_demand_after, 1)}${changes(r)}. ${n} what-if station(s), recomputed in ${r.elapsed_ms} ms`,
  },
};

export const words = (lang) => ui[lang] ?? ui.zh;

/** A glossary term from the server's style in the page's language. */
export const term = (style, key) => style?.glossary?.[key]?.label ?? key;

/** Puts the page's fixed words in place: [data-ui] from this module, [data-term] from the glossary. */
export function applyWords(style, lang) {
  const w = words(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-ui]').forEach((el) => { el.textContent = w[el.dataset.ui]; });
  document.querySelectorAll('[data-term]').forEach((el) => { el.textContent = term(style, el.dataset.term); });
}
