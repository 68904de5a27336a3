// "Find nearest station" (驿站导航): a click on the map asks geo serve for the nearest open station from there,
// draws the route along the streets and lists the steps. Kept apart from the rest of the page; main.js only hands
// clicks here while the mode is on.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Style, Stroke, Circle, Fill } from 'ol/style.js';
import { toLonLat, fromLonLat } from 'ol/proj.js';

const text = {
  zh: { title: '驿站导航', find: '找最近站点', openNow: '只看营业中', hint: '点击地图上骑手的位置', asking: '正在查找…', min: '分钟' },
  en: { title: 'Station navigation', find: 'Find nearest station', openNow: 'Open now only', hint: 'Click the rider’s position on the map', asking: 'Searching…', min: 'min' },
};

export function setupNearest({ map, state, geojson, api, escapeHtml }) {
  const t = () => text[state.lang] ?? text.zh;
  const source = new VectorSource();
  const layer = new VectorLayer({
    source,
    zIndex: 50,
    style: (feature) => (feature.getGeometry().getType() === 'LineString'
      ? new Style({ stroke: new Stroke({ color: '#d6336c', width: 5 }) })
      : new Style({ image: new Circle({ radius: 7, fill: new Fill({ color: feature.get('kind') === 'rider' ? '#1c7ed6' : '#d6336c' }), stroke: new Stroke({ color: '#fff', width: 2 }) }) })),
  });
  map.addLayer(layer);

  const section = document.createElement('section');
  section.id = 'nearest-panel';
  section.innerHTML = `<h2></h2><button id="find-nearest" type="button"></button>
    <label><input id="nearest-open" type="checkbox" checked> <span></span></label>
    <p id="nearest-status" class="note"></p><ol id="nearest-steps"></ol>`;
  const panel = document.getElementById('panel');
  panel.insertBefore(section, panel.children[3] ?? null);
  const button = section.querySelector('#find-nearest');
  const status = section.querySelector('#nearest-status');
  const steps = section.querySelector('#nearest-steps');
  let active = false;

  const relabel = () => {
    section.querySelector('h2').textContent = t().title;
    button.textContent = t().find;
    section.querySelector('label span').textContent = t().openNow;
  };
  relabel();
  document.getElementById('lang-switch').addEventListener('click', () => setTimeout(relabel, 0));
  button.addEventListener('click', () => {
    active = !active;
    button.classList.toggle('active', active);
    status.textContent = active ? t().hint : '';
  });

  async function handleClick(coordinate) {
    active = false;
    button.classList.remove('active');
    const [lon, lat] = toLonLat(coordinate);
    const at = section.querySelector('#nearest-open').checked ? 'now' : 'any';
    status.textContent = t().asking;
    source.clear();
    steps.replaceChildren();
    source.addFeature(new Feature({ geometry: new Point(fromLonLat([lon, lat])), kind: 'rider' }));
    try {
      const answer = await api(`api/nearest?lon=${lon}&lat=${lat}&k=1&profile=${state.profile}&at=${at}`);
      const features = geojson.readFeatures(answer);
      source.addFeatures(features);
      const route = features.find((f) => f.get('kind') === 'route');
      const name = route.get('station_name') ?? route.get('station_id');
      status.innerHTML = `<b data-station="${escapeHtml(route.get('station_id'))}">${escapeHtml(name)}</b> · ${route.get('minutes').toFixed(1)} ${t().min} · ${Math.round(route.get('meters'))} m`;
      steps.innerHTML = route.get('steps').map((s) => `<li>${escapeHtml(state.lang === 'en' ? s.en : s.zh)}</li>`).join('');
    } catch (error) {
      status.textContent = error.message;
    }
  }

  return {
    active: () => active,
    handleClick,
    features: () => source.getFeatures(),
  };
}
