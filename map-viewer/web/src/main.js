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
import { createLayers, applyStyle, palette } from './layers.js';
import { api, percent, number, escapeHtml } from './api.js';
import { showFigures, buildSwitcher, buildLegend } from './panel.js';
import { words, term, applyWords } from './i18n.js';
import { setupNearest } from './nearest.js';

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const state = { profile: 'ebike', minutes: 15, breaks: [5, 10, 15], choropleth: false, adding: false, added: [], audit: null, lang: 'zh', style: null, units: null, info: null };
const w = () => words(state.lang);

function setBusy(text) {
  document.getElementById('whatif-status').textContent = text;
}

async function loadAudit() {
  state.audit = await api(`api/audit?profile=${state.profile}&minutes=${state.minutes}`);
  showFigures(state.audit.totals, state.audit.blind_spot_count);
}

async function main() {
  const info = await api('api/info');
  const asked = new URLSearchParams(window.location.search).get('lang');
  Object.assign(state, { info, profile: info.default_profile, minutes: info.default_minutes, breaks: info.breaks, lang: asked === 'en' || asked === 'zh' ? asked : info.default_lang });
  state.style = await api(`api/style?lang=${state.lang}&minutes=${state.minutes}`);
  state.units = state.style.units;
  applyStyle(state.style);

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
  const minutesSelect = document.getElementById('minutes');
  const relabel = () => {
    applyWords(state.style, state.lang);
    const i = state.info;
    const from = i.stations_from.length > 48 ? `${i.stations_from.slice(0, 46)}…` : i.stations_from;
    const header = document.getElementById('dataset-name');
    header.textContent = `${i.name} · ${w().stationsIn(i.stations, from)} · ${w().unitsIn(i.subdistricts, state.units.label)}`;
    header.title = i.stations_from;
    document.getElementById('lang-switch').textContent = w().langName;
    buildSwitcher(layers.switchable);
    buildLegend(state.style, state.breaks, state.lang);
    const choices = [...new Set([5, 10, 15, 20, 30, state.minutes])].sort((a, b) => a - b);
    minutesSelect.innerHTML = choices.map((m) => `<option value="${m}" ${m === state.minutes ? 'selected' : ''}>${m} ${w().minutes}</option>`).join('');
    if (!state.added.length && !state.adding) setBusy(w().hint);
  };
  relabel();
  document.getElementById('lang-switch').addEventListener('click', async () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    state.style = await api(`api/style?lang=${state.lang}&minutes=${state.minutes}`);
    state.units = state.style.units;
    relabel();
  });

  const profileSelect = document.getElementById('profile');
  profileSelect.innerHTML = info.profiles.map((p) => `<option ${p === state.profile ? 'selected' : ''}>${p}</option>`).join('');
  const reanalyse = async () => {
    state.profile = profileSelect.value;
    state.minutes = Number(minutesSelect.value);
    state.breaks = [state.minutes / 3, state.minutes * 2 / 3, state.minutes].map((m) => Math.round(m * 100) / 100);
    state.style = await api(`api/style?lang=${state.lang}&minutes=${state.minutes}`);
    relabel();
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

  const stationName = (id) => layers.stationSource.getFeatures().find((f) => String(f.get('id')) === String(id))?.get('name') || id;

  async function stationPopup(feature, coordinate) {
    const id = feature.get('id');
    const s = await api(`api/stations/${encodeURIComponent(id)}?profile=${state.profile}&minutes=${state.minutes}`);
    const source = layers.selection.getSource();
    source.clear();
    source.addFeatures(geojson.readFeatures(s.territory));
    source.addFeatures(geojson.readFeatures(s.areas));
    const areas = s.areas.features.map((a) => `<tr><td>${a.properties.minutes} ${w().minutes}</td><td>${number(a.properties.area_km2)} km²</td></tr>`).join('');
    const paired = s.paired_subdistricts.map((r) => `<tr><td>${escapeHtml(r.subdistrict_name)}</td><td>${r.minutes ?? '–'} ${w().minutes}</td></tr>`).join('');
    showPopup(coordinate, `<h3 data-station="${escapeHtml(s.id)}">${escapeHtml(s.name ?? s.id)}</h3>
      <div class="note">${escapeHtml(term(state.style, 'station'))}${s.street ? ` · ${escapeHtml(s.street)}` : ''}</div>
      ${s.left_out ? `<p class="note">${escapeHtml(s.left_out)}</p>` : ''}
      <table><tr><td colspan="2"><b>${w().serviceAreas}</b></td></tr>${areas}
      <tr><td colspan="2"><b>${w().paired}: ${escapeHtml(state.units.label)}</b></td></tr>${paired || '<tr><td colspan="2">–</td></tr>'}</table>`);
  }

  async function subdistrictPopup(feature, coordinate) {
    const s = await api(`api/subdistricts/${feature.get('id')}?profile=${state.profile}&minutes=${state.minutes}`);
    const t = (key) => escapeHtml(term(state.style, key));
    showPopup(coordinate, `<h3 data-subdistrict="${s.id}">${escapeHtml(s.name)}</h3>
      <div class="note">${escapeHtml(state.units.label)}</div>
      <table><tr><td>${t('demand')}</td><td>${percent(s.demand_share)}</td></tr>
      <tr><td>${t('served_land')}</td><td>${percent(s.area_share)} ${w().of} ${number(s.area_km2)} km²</td></tr>
      <tr><td>${t('street_coverage')}</td><td>${percent(s.street_share)} ${w().of} ${number(s.street_km, 1)} km</td></tr>
      <tr><td>${w().inside}</td><td>${s.stations_inside}</td></tr>
      <tr><td>${w().worst}</td><td>${s.worst_minutes ?? '–'} ${w().minutes}</td></tr>
      <tr><td>${w().paired}</td><td>${s.paired_stations.map((id) => escapeHtml(stationName(id))).join('、') || '–'}</td></tr></table>`);
  }

  const addButton = document.getElementById('add-station');
  const setAdding = (on) => {
    state.adding = on;
    addButton.classList.toggle('active', on);
  };

  // One click on the map adds one station; the mode ends with that click, so the next click inspects again.
  async function addStation(coordinate) {
    setAdding(false);
    const [lon, lat] = toLonLat(coordinate);
    state.added.push([lon, lat]);
    setBusy(w().recomputing);
    try {
      const result = await api('api/whatif', { stations: state.added, profile: state.profile, minutes: state.minutes });
      const source = layers.whatIf.getSource();
      source.clear();
      source.addFeatures(state.added.map((p) => new Feature(new Point(fromLonLat(p)))));
      source.addFeatures(geojson.readFeatures(result.added_coverage));
      showFigures(result.after, result.blind_spots_after, result.before);
      // The change in uncovered street and demand first; then why the blind-spot count moved.
      setBusy(w().whatIfResult(result, state.added.length));
    } catch (error) {
      state.added.pop();
      setBusy(`${w().notAdded}: ${error.message}`);
    }
  }

  function resetWhatIf() {
    setAdding(false);
    state.added = [];
    layers.whatIf.getSource().clear();
    layers.sites.getSource().clear();
    document.getElementById('siting-list').replaceChildren();
    if (state.audit) showFigures(state.audit.totals, state.audit.blind_spot_count);
    setBusy(w().hint);
  }

  addButton.addEventListener('click', () => {
    setAdding(!state.adding);
    setBusy(state.adding ? w().placing : w().hint);
  });
  document.getElementById('reset-whatif').addEventListener('click', resetWhatIf);

  document.getElementById('run-siting').addEventListener('click', async () => {
    const list = document.getElementById('siting-list');
    list.innerHTML = `<li>${w().computing}</li>`;
    try {
      const k = Number(document.getElementById('siting-k').value);
      const result = await api('api/siting', { add: k, profile: state.profile, minutes: state.minutes });
      const source = layers.sites.getSource();
      source.clear();
      source.addFeatures(result.sites.map((s) => new Feature({ geometry: new Point(fromLonLat([s.lon, s.lat])), order: s.order })));
      const unit = result.demand_unit ? ` ${result.demand_unit}` : '';
      list.innerHTML = `<li class="note">${w().startingFrom(percent(result.existing_share))}</li>`
        + result.sites.map((s) => `<li data-site="${s.order}">${escapeHtml(w().near(s.street || s.name || w().unnamed))}: +${number(s.marginal)}${unit} → ${escapeHtml(term(state.style, 'demand'))} ${percent(s.cumulative_share)}</li>`).join('')
        + `<li class="note">${escapeHtml(result.method)}, ${w().gap} ${(result.gap * 100).toFixed(2)} % · ${escapeHtml(result.demand_from)}</li>`;
    } catch (error) {
      list.innerHTML = `<li>${escapeHtml(error.message)}</li>`;
    }
  });

  const nearest = setupNearest({ map, state, geojson, api, escapeHtml });

  map.on('singleclick', async (event) => {
    try {
      if (nearest.active()) {
        await nearest.handleClick(event.coordinate);
        return;
      }
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

  // The server answers while it still works out the first view's coverage; the audit request waits for it.
  if (info.first_view?.state === 'working') setBusy(w().firstView(info.first_view.seconds));
  await loadAudit();
  if (!state.added.length && !state.adding) setBusy(w().hint);
  window.geoViewer = {
    map,
    state,
    palette,
    whatIfFeatures: () => layers.whatIf.getSource().getFeatures(),
    nearestFeatures: () => nearest.features(),
    /** The what-if layer's extent in map pixels: [left, top, right, bottom]. */
    whatIfPixelExtent: () => {
      const [minX, minY, maxX, maxY] = layers.whatIf.getSource().getExtent();
      const [l, b] = map.getPixelFromCoordinate([minX, minY]);
      const [r, t] = map.getPixelFromCoordinate([maxX, maxY]);
      return [l, t, r, b];
    },
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
