// The side panel: coverage figures, the layer switcher and the legend.
import { palette, shareColour } from './layers.js';
import { percent } from './api.js';

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
  root.replaceChildren();
  for (const item of switchable) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset.layer = item.key;
    box.checked = item.layer ? item.layer.getVisible() : Boolean(item.on);
    box.addEventListener('change', () => (item.layer ? item.layer.setVisible(box.checked) : item.toggle(box.checked)));
    label.append(box, ' ', typeof item.label === 'function' ? item.label() : item.label);
    root.append(label);
  }
}

export function buildLegend(breaks) {
  const rows = [
    ['swatch', `background:${palette.station};border-radius:50%;width:12px`, '站点 Station'],
    ['swatch', `background:${palette.whatIf};border-radius:50%;width:12px`, '假设新站 What-if station'],
    ['swatch', `background:${palette.site};border-radius:50%;width:12px`, '建议新站 Suggested site'],
    ...breaks.map((b, i) => ['swatch', `background:${palette.breaks[i]};border-color:${palette.breakLines[i]}`, `${b} 分钟 ${b} min`]),
    ['swatch', `background:${palette.coverage}`, '合并覆盖 Covered'],
    ['swatch', `background:${palette.gap}`, '空白区 Gap'],
    ['swatch', `background:${palette.blindSpot}`, '盲区 Blind spot'],
    ['swatch line', `border-color:${palette.pairing}`, '结对 Pairing'],
    ['swatch', `background:linear-gradient(90deg, ${shareColour(0, 1)}, ${shareColour(0.5, 1)}, ${shareColour(1, 1)})`, '社区覆盖率 0 → 100 %'],
  ];
  document.getElementById('legend').innerHTML = rows.map(([cls, style, text]) =>
    `<div class="legend-row"><span class="${cls}" style="${style}"></span>${text}</div>`).join('');
}
