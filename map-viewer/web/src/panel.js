// The side panel: coverage figures, the layer switcher and the legend.
import { palette, shareColour } from './layers.js';
import { percent } from './api.js';
import { words, term } from './i18n.js';

export function showFigures(totals, blindSpots, before) {
  const delta = (key) => (before ? ` <span class="delta">(${before[key] <= totals[key] ? '+' : ''}${((totals[key] - before[key]) * 100).toFixed(1)})</span>` : '');
  document.getElementById('coverage-figure').innerHTML = percent(totals.demand_share) + delta('demand_share');
  document.getElementById('area-figure').innerHTML = percent(totals.area_share) + delta('area_share');
  document.getElementById('street-figure').innerHTML = percent(totals.street_share) + delta('street_share');
  document.getElementById('stations-figure').textContent = String(totals.stations);
  document.getElementById('blindspots-figure').textContent = String(blindSpots);
}

export function buildSwitcher(switchable) {
  const root = document.getElementById('layer-switcher');
  const checked = Object.fromEntries([...root.querySelectorAll('input')].map((box) => [box.dataset.layer, box.checked]));
  root.replaceChildren();
  for (const item of switchable) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset.layer = item.key;
    box.checked = checked[item.key] ?? (item.layer ? item.layer.getVisible() : Boolean(item.on));
    box.addEventListener('change', () => (item.layer ? item.layer.setVisible(box.checked) : item.toggle(box.checked)));
    label.append(box, ' ', typeof item.label === 'function' ? item.label() : item.label);
    root.append(label);
  }
}

/** The legend: the map's own entries from the server's style (the PNG's and the brief's legend), then the viewer's extras. */
export function buildLegend(style, breaks, lang) {
  const w = words(lang);
  const shape = { dot: 'border-radius:50%;width:12px', line: 'height:0;border-width:2px 0 0 0', outline: 'background:none;border-style:dashed' };
  const rows = [
    ...style.legend.map((e) => [e.key, `${e.shape === 'area' ? `background:${e.colour}` : e.shape === 'dot' ? `background:${e.colour}` : `border-color:${e.colour}`};${shape[e.shape] ?? ''}`, e.label]),
    ['whatif_station', `background:${palette.whatIf};${shape.dot}`, term(style, 'whatif_station')],
    ['added_coverage', `background:${palette.addedCoverage};border-color:${palette.addedCoverageLine}`, term(style, 'added_coverage')],
    ['suggested_site', `background:${palette.site};${shape.dot}`, term(style, 'suggested_site')],
    ...breaks.map((b, i) => [`break-${i}`, `background:${palette.breaks[i]};border-color:${palette.breakLines[i]}`, w.breakLayer(b)]),
    ['gap', `background:${palette.gap}`, term(style, 'gap')],
    ['pairing', `border-color:${palette.pairing};${shape.line}`, term(style, 'pairing')],
    ['share', `background:linear-gradient(90deg, ${shareColour(0, 1)}, ${shareColour(0.5, 1)}, ${shareColour(1, 1)})`, w.shareRamp],
  ];
  document.getElementById('legend').innerHTML = rows.map(([key, css, text]) =>
    `<div class="legend-row" data-legend="${key}"><span class="swatch" style="${css}"></span>${text}</div>`).join('');
}
