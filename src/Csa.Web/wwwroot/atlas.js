// The atlas page: wards shaded by the chosen category's count (5 quantile classes, a colour-blind-safe
// sequential palette), names on hover, a ward's monthly chart on click. No tiles: the boundaries alone.
"use strict";
const palette = ["#f0f9e8", "#bae4bc", "#7bccc4", "#43a2ca", "#0868ac"];
const map = L.map("map", { zoomSnap: 0.25 });
let layer = null;

function breaks(values) {
  const sorted = values.filter(v => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return [1, 2, 3, 4].map(i => sorted[Math.floor(i * sorted.length / 5)]);
}

function classOf(value, limits) {
  if (value === null) return -1;
  let c = 0;
  while (c < limits.length && value >= limits[c]) c++;
  return c;
}

function legend(limits, suppressed) {
  const rows = [];
  const edges = [0, ...limits];
  for (let i = 0; i < palette.length; i++) {
    const label = i < limits.length ? `${edges[i]} – ${limits[i] - 1}` : `${edges[i]} or more`;
    rows.push(`<div data-class="${i}"><span class="swatch" style="background:${palette[i]}"></span>${label}</div>`);
  }
  if (suppressed) rows.push(`<div data-class="suppressed"><span class="swatch" style="background:#ccc"></span>not shown (1 to 4)</div>`);
  document.getElementById("legend").innerHTML = rows.join("");
}

async function getJson(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (response.status === 401) { window.location = "/login"; throw new Error("log in first"); }
  const body = await response.json();
  if (!response.ok) throw new Error(Object.values(body.errors ?? {}).flat().join(" ") || body.detail || response.statusText);
  return body;
}

async function show() {
  const area = document.getElementById("area").value;
  const category = document.getElementById("category").value;
  const period = document.getElementById("period").value;
  const status = document.getElementById("status");
  try {
    const [shapes, counts] = await Promise.all([
      getJson(`/api/boundaries?area=${encodeURIComponent(area)}`),
      getJson(`/api/wards?area=${encodeURIComponent(area)}&period=${encodeURIComponent(period)}&category=${encodeURIComponent(category)}`)]);
    const byCode = new Map(counts.wards.map(w => [w.code, w]));
    const limits = breaks(counts.wards.map(w => w.crimes));
    legend(limits, counts.suppressed);
    if (layer) layer.remove();
    layer = L.geoJSON(shapes, {
      style: f => {
        const ward = byCode.get(f.properties.code);
        const c = classOf(ward ? ward.crimes : null, limits);
        return { color: "#333", weight: 1, fillOpacity: 0.8, fillColor: c < 0 ? "#ccc" : palette[c] };
      },
      onEachFeature: (f, l) => {
        const ward = byCode.get(f.properties.code);
        const value = ward && ward.crimes !== null ? ward.crimes.toLocaleString("en-GB") : "not shown";
        l.bindTooltip(`${f.properties.name}: ${value}`);
        l.on("click", () => chart(f.properties.code, f.properties.name, category));
        l.getElement?.()?.setAttribute("data-ward", f.properties.code);
      }
    }).addTo(map);
    layer.eachLayer(l => l.getElement()?.setAttribute("data-ward", l.feature.properties.code));
    map.fitBounds(layer.getBounds());
    status.textContent = `${counts.category}, ${counts.period}: ${counts.area}. ` + counts.notes.join(" ");
  } catch (e) {
    status.textContent = `Cannot show the map: ${e.message}`;
  }
}

async function chart(code, name, category) {
  document.getElementById("ward-title").textContent = `${name}: ${category} by month`;
  const series = await getJson(`/api/series?area=${encodeURIComponent(code)}&category=${encodeURIComponent(category)}`);
  const values = series.months.map(m => m.crimes);
  const max = Math.max(1, ...values.filter(v => v !== null));
  const w = 320, h = 160, step = values.length > 1 ? (w - 40) / (values.length - 1) : 0;
  const points = values.map((v, i) => v === null ? null : `${30 + i * step},${h - 20 - (v / max) * (h - 40)}`);
  const path = points.filter(p => p !== null).join(" ");
  document.getElementById("chart").innerHTML =
    `<svg width="${w}" height="${h}" role="img" aria-label="${name} by month">` +
    `<line x1="30" y1="${h - 20}" x2="${w - 10}" y2="${h - 20}" stroke="#333"/>` +
    `<line x1="30" y1="10" x2="30" y2="${h - 20}" stroke="#333"/>` +
    `<text x="2" y="16" font-size="10">${max}</text><text x="2" y="${h - 20}" font-size="10">0</text>` +
    `<polyline fill="none" stroke="#0072B2" stroke-width="2" points="${path}"/>` +
    `<text x="30" y="${h - 4}" font-size="10">${series.months[0]?.month ?? ""}</text>` +
    `<text x="${w - 60}" y="${h - 4}" font-size="10">${series.months.at(-1)?.month ?? ""}</text></svg>`;
  document.getElementById("notes").textContent = series.notes.join(" ");
}

document.getElementById("controls").addEventListener("submit", e => { e.preventDefault(); show(); });
show();
