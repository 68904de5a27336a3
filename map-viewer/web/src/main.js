// Geo's map page: OpenLayers over geo serve's vector tiles and GeoJSON, with station and subdistrict popups,
// what-if stations and siting suggestions. Works offline: everything comes from the server that serves the page.
import 'ol/ol.css';
import './style.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { defaults as defaultControls, ScaleLine } from 'ol/control.js';
import { createLayers } from './layers.js';
import { api, percent, number, escapeHtml } from './api.js';
import { showFigures, buildSwitcher, buildLegend } from './panel.js';

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const state = { profile: 'ebike', minutes: 15, breaks: [5, 10, 15], choropleth: false, adding: false, added: [], audit: null };

function setBusy(text) {
  document.getElementById('whatif-status').textContent = text;
}

async function loadAudit() {
  state.audit = await api(`api/audit?profile=${state.profile}&minutes=${state.minutes}`);
  showFigures(state.audit.totals, state.audit.blind_spot_count);
}

async function main() {
  const info = await api('api/info');
  Object.assign(state, { profile: info.default_profile, minutes: info.default_minutes, breaks: info.breaks });
  document.getElementById('dataset-name').textContent = `${info.name} · ${info.stations} 站点 stations · ${info.subdistricts} 街道/社区 subdistricts`;

  const layers = createLayers(state);
  const popup = new Overlay({ element: document.getElementById('popup'), stopEvent: true, autoPan: { animation: { duration: 200 } } });
  const map = new Map({
    target: 'map',
    layers: layers.ordered,
    overlays: [popup],
    controls: defaultControls({ attribution: false }).extend([new ScaleLine()]),
    view: new View({ center: fromLonLat(info.center), zoom: 13, maxZoom: 19 }),
  });
  map.getView().fit(transformExtent(info.extent, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });

  layers.stationSource.addFeatures(geojson.readFeatures(await api('api/stations')));
  buildSwitcher(layers.switchable);
  buildLegend(state.breaks);

  const profileSelect = document.getElementById('profile');
  profileSelect.innerHTML = info.profiles.map((p) => `<option ${p === state.profile ? 'selected' : ''}>${p}</option>`).join('');
  const minutesSelect = document.getElementById('minutes');
  const choices = [...new Set([5, 10, 15, 20, 30, state.minutes])].sort((a, b) => a - b);
  minutesSelect.innerHTML = choices.map((m) => `<option value="${m}" ${m === state.minutes ? 'selected' : ''}>${m} 分钟 min</option>`).join('');
  const reanalyse = async () => {
    state.profile = profileSelect.value;
    state.minutes = Number(minutesSelect.value);
    state.breaks = [state.minutes / 3, state.minutes * 2 / 3, state.minutes].map((m) => Math.round(m * 100) / 100);
    buildSwitcher(layers.switchable);
    buildLegend(state.breaks);
    layers.refresh();
    resetWhatIf();
    await loadAudit();
  };
  profileSelect.addEventListener('change', reanalyse);
  minutesSelect.addEventListener('change', reanalyse);

  const popupElement = document.getElementById('popup');
  const showPopup = (coordinate, html) => {
    popupElement.innerHTML = `<button class="close" type="button" aria-label="close">×</button>${html}`;
    popupElement.hidden = false;
    popupElement.querySelector('.close').addEventListener('click', () => { popupElement.hidden = true; layers.selection.getSource().clear(); });
    popup.setPosition(coordinate);
  };

  async function stationPopup(feature, coordinate) {
    const id = feature.get('id');
    const s = await api(`api/stations/${encodeURIComponent(id)}?profile=${state.profile}&minutes=${state.minutes}`);
    const source = layers.selection.getSource();
    source.clear();
    source.addFeatures(geojson.readFeatures(s.territory));
    source.addFeatures(geojson.readFeatures(s.areas));
    const areas = s.areas.features.map((a) => `<tr><td>${a.properties.minutes} 分钟 min</td><td>${number(a.properties.area_km2)} km²</td></tr>`).join('');
    const paired = s.paired_subdistricts.map((r) => `<tr><td>${escapeHtml(r.subdistrict_name)}</td><td>${r.minutes ?? '–'} min · ${r.how}</td></tr>`).join('');
    showPopup(coordinate, `<h3 data-station="${escapeHtml(s.id)}">${escapeHtml(s.name ?? s.id)}</h3>
      <div class="note">站点 Station ${escapeHtml(s.id)}${s.street ? ` · ${escapeHtml(s.street)}` : ''}</div>
      ${s.left_out ? `<p class="note">${escapeHtml(s.left_out)}</p>` : ''}
      <table><tr><td colspan="2"><b>服务圈 Service areas</b></td></tr>${areas}
      <tr><td colspan="2"><b>结对社区 Paired subdistricts</b></td></tr>${paired || '<tr><td colspan="2">–</td></tr>'}</table>`);
  }

  async function subdistrictPopup(feature, coordinate) {
    const s = await api(`api/subdistricts/${feature.get('id')}?profile=${state.profile}&minutes=${state.minutes}`);
    showPopup(coordinate, `<h3 data-subdistrict="${s.id}">${escapeHtml(s.name)}</h3>
      <table><tr><td>需求覆盖 Demand covered</td><td>${percent(s.demand_share)}</td></tr>
      <tr><td>面积覆盖 Area covered</td><td>${percent(s.area_share)} of ${number(s.area_km2)} km²</td></tr>
      <tr><td>街道覆盖 Streets covered</td><td>${percent(s.street_share)} of ${number(s.street_km, 1)} km</td></tr>
      <tr><td>站点 Stations inside</td><td>${s.stations_inside}</td></tr>
      <tr><td>最远 Worst time</td><td>${s.worst_minutes ?? '–'} min</td></tr>
      <tr><td>结对站点 Paired</td><td>${s.paired_stations.map(escapeHtml).join(', ') || '–'}</td></tr></table>`);
  }

  async function addStation(coordinate) {
    const [lon, lat] = toLonLat(coordinate);
    state.added.push([lon, lat]);
    setBusy('计算中 Recomputing…');
    try {
      const result = await api('api/whatif', { stations: state.added, profile: state.profile, minutes: state.minutes });
      const source = layers.whatIf.getSource();
      source.clear();
      source.addFeatures(state.added.map((p) => new Feature(new Point(fromLonLat(p)))));
      const gaps = geojson.readFeatures(result.gaps);
      gaps.forEach((g) => g.set('kind', 'gap'));
      source.addFeatures(gaps);
      source.addFeatures(geojson.readFeatures(result.added_areas));
      layers.switchable.find((l) => l.key === 'gaps').layer.setVisible(false);
      showFigures(result.after, result.blind_spots_after, result.before);
      // The change in uncovered street and demand first; then why the blind-spot count moved.
      const changes = result.blind_spot_changes.length ? `; ${result.blind_spot_changes.join('; ')}` : '';
      setBusy(`未覆盖道路 Uncovered streets ${number(result.uncovered_street_km_before, 1)} → ${number(result.uncovered_street_km_after, 1)} km, `
        + `未覆盖需求 uncovered demand ${number(result.uncovered_demand_before, 1)} → ${number(result.uncovered_demand_after, 1)}${changes}. `
        + `${state.added.length} 个假设新站 what-if station(s), ${result.elapsed_ms} ms`);
    } catch (error) {
      state.added.pop();
      setBusy(`未能添加 Not added: ${error.message}`);
    }
  }

  function resetWhatIf() {
    state.added = [];
    layers.whatIf.getSource().clear();
    if (state.audit) showFigures(state.audit.totals, state.audit.blind_spot_count);
    setBusy('点击按钮，再点击地图。Click the button, then the map.');
  }

  const addButton = document.getElementById('add-station');
  addButton.addEventListener('click', () => {
    state.adding = !state.adding;
    addButton.classList.toggle('active', state.adding);
    if (state.adding) setBusy('点击地图放置站点 Click the map to place a station');
  });
  document.getElementById('reset-whatif').addEventListener('click', resetWhatIf);

  document.getElementById('run-siting').addEventListener('click', async () => {
    const list = document.getElementById('siting-list');
    list.innerHTML = '<li>计算中 Computing…</li>';
    try {
      const k = Number(document.getElementById('siting-k').value);
      const result = await api('api/siting', { add: k, profile: state.profile, minutes: state.minutes });
      const source = layers.sites.getSource();
      source.clear();
      source.addFeatures(result.sites.map((s) => new Feature({ geometry: new Point(fromLonLat([s.lon, s.lat])), order: s.order })));
      list.innerHTML = `<li class="note">从现状 ${percent(result.existing_share)} 起 starting from today's ${percent(result.existing_share)}</li>`
        + result.sites.map((s) => `<li>+${number(s.marginal)} → ${percent(s.cumulative_share)}</li>`).join('')
        + `<li class="note">${result.method}, gap ${(result.gap * 100).toFixed(2)} %</li>`;
    } catch (error) {
      list.innerHTML = `<li>${escapeHtml(error.message)}</li>`;
    }
  });

  map.on('singleclick', async (event) => {
    try {
      if (state.adding) {
        await addStation(event.coordinate);
        return;
      }
      const station = map.forEachFeatureAtPixel(event.pixel, (f) => f, { layerFilter: (l) => l === layers.stations, hitTolerance: 6 });
      if (station) return await stationPopup(station, event.coordinate);
      const subdistrict = map.forEachFeatureAtPixel(event.pixel, (f) => f, { layerFilter: (l) => l === layers.subdistricts });
      if (subdistrict) return await subdistrictPopup(subdistrict, event.coordinate);
      popupElement.hidden = true;
    } catch (error) {
      showPopup(event.coordinate, `<p>${escapeHtml(error.message)}</p>`);
    }
  });

  await loadAudit();
  window.geoViewer = {
    map,
    state,
    /** The pixel (relative to the map element) where a lon/lat point is drawn. */
    pixelOf: (lon, lat) => map.getPixelFromCoordinate(fromLonLat([lon, lat])),
  };
  map.once('rendercomplete', () => { document.body.dataset.ready = 'true'; });
  map.render();
}

main().catch((error) => {
  document.body.dataset.error = error.message;
  document.getElementById('whatif-status').textContent = `Error: ${error.message}`;
});
