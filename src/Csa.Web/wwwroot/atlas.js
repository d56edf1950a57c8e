// The atlas page. Wards or LSOAs shaded by the chosen indicator (count or rate per 1,000; 5 quantile classes in a
// colour-blind-safe sequential palette), names on hover; a click shows the place's monthly chart and its period
// comparison; the district panel shows the victim/offender age–sex pyramid; an optional Gi* hot spot layer.
// Everything comes from this app's /api; no tiles unless the server is configured with a tile URL.
"use strict";
const palette = ["#f0f9e8", "#bae4bc", "#7bccc4", "#43a2ca", "#0868ac"];
const hotspotColours = { hot99: "#b2182b", hot95: "#ef8a62", hot90: "#fddbc7", none: null, cold90: "#d1e5f0", cold95: "#67a9cf", cold99: "#2166ac" };
const hotspotLabels = { hot99: "Hot spot, 99% confidence", hot95: "Hot spot, 95%", hot90: "Hot spot, 90%", cold90: "Cold spot, 90%", cold95: "Cold spot, 95%", cold99: "Cold spot, 99% confidence" };
const map = L.map("map", { zoomSnap: 0.25 });
let layer = null;
let hotLayer = null;
let config = null;
const $ = id => document.getElementById(id);
const q = encodeURIComponent;

let sentToLogin = false;

async function getJson(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (response.status === 401) {
    // Several requests may be refused at once: navigate once, so that no second navigation aborts the first.
    if (!sentToLogin) { sentToLogin = true; window.location.assign("/login"); }
    throw new Error("log in first");
  }
  const body = await response.json();
  if (!response.ok) throw new Error(Object.values(body.errors ?? {}).flat().join(" ") || body.detail || response.statusText);
  return body;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function format(value, decimals) {
  return value === null || value === undefined ? "not shown" : value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

// Quantile breaks: the lower edge of classes 2..5 (values at or above a break fall in the next class).
// With 5 or fewer distinct values, each value starts its own class.
function breaks(values) {
  const sorted = values.filter(v => v !== null).sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  if (distinct.length <= 5) return distinct.slice(1);
  return [...new Set([1, 2, 3, 4].map(i => sorted[Math.floor(i * sorted.length / 5)]))];
}

function classOf(value, limits) {
  if (value === null) return -1;
  let c = 0;
  while (c < limits.length && value >= limits[c]) c++;
  return c;
}

function legend(limits, values, decimals, suppressed, title) {
  $("legend-title").textContent = title;
  const rows = [];
  const shown = values.filter(v => v !== null);
  const edges = [Math.min(0, ...shown), ...limits];
  const step = decimals === 0 ? 1 : 0.01;
  for (let i = 0; i <= limits.length; i++) {
    const from = edges[i];
    const to = i < limits.length ? limits[i] - step : Math.max(...shown, from);
    rows.push(`<div data-class="${i}" data-from="${from}" data-to="${to}"><span class="swatch" style="background:${palette[i]}"></span>${format(from, decimals)} – ${format(to, decimals)}</div>`);
  }
  if (suppressed) rows.push(`<div data-class="suppressed"><span class="swatch" style="background:#ccc"></span>not shown: 1 to ${config.suppressUpTo}, or hidden so that a total cannot reveal one</div>`);
  $("legend").innerHTML = rows.join("");
}

function valueOf(place, indicator) {
  if (!place) return null;
  return indicator === "rate" ? place.rate : place.crimes;
}

async function show() {
  const area = $("area").value, category = $("category").value, period = $("period").value;
  const level = $("level").value, indicator = $("indicator").value;
  const status = $("status");
  status.textContent = "Loading…";
  try {
    const [shapes, data] = await Promise.all([
      getJson(`/api/boundaries?area=${q(area)}&level=${level}`),
      getJson(`/api/${level === "ward" ? "wards" : "lsoas"}?area=${q(area)}&period=${q(period)}&category=${q(category)}`)]);
    const byCode = new Map(data.places.map(p => [p.code, p]));
    const values = data.places.map(p => valueOf(p, indicator));
    const decimals = indicator === "rate" ? 2 : 0;
    const limits = breaks(values);
    const suppressedShown = data.suppressed && data.places.some(p => p.crimes === null);
    legend(limits, values, decimals, suppressedShown,
      indicator === "rate" ? `${category} per 1,000 residents (mid-${data.populationYear} estimate)` : `${category}: crimes`);
    if (layer) layer.remove();
    layer = L.geoJSON(shapes, {
      style: f => {
        const c = classOf(valueOf(byCode.get(f.properties.code), indicator), limits);
        return { color: "#333", weight: level === "ward" ? 1 : 0.5, fillOpacity: 0.8, fillColor: c < 0 ? "#ccc" : palette[c] };
      },
      onEachFeature: (f, l) => {
        const place = byCode.get(f.properties.code);
        l.bindTooltip(`${escapeHtml(f.properties.name)}: ${format(valueOf(place, indicator), decimals)}${indicator === "rate" ? " per 1,000" : ""}`);
        l.on("click", () => select(f.properties.code, f.properties.name, category, period));
      }
    }).addTo(map);
    // The paths exist once the map has a view: label them after fitting it (for tests and assistive tools).
    map.fitBounds(layer.getBounds());
    layer.eachLayer(l => {
      const element = l.getElement();
      const c = classOf(valueOf(byCode.get(l.feature.properties.code), indicator), limits);
      element?.setAttribute("data-code", l.feature.properties.code);
      element?.setAttribute("data-class", c < 0 ? "suppressed" : String(c));
    });
    status.textContent = `${data.category}, ${data.period}: ${data.area}. ` + data.notes.join(" ");
    await hotspots(area, period, category);
    await pyramid();
  } catch (e) {
    status.textContent = `Cannot show the map: ${e.message}`;
  }
}

async function hotspots(area, period, category) {
  if (hotLayer) { hotLayer.remove(); hotLayer = null; }
  if (!$("hotspots").checked) return;
  try {
    const [shapes, gi] = await Promise.all([
      getJson(`/api/boundaries?area=${q(area)}&level=lsoa`),
      getJson(`/api/hotspots?area=${q(area)}&period=${q(period)}&category=${q(category)}`)]);
    const byCode = new Map(gi.lsoas.map(l => [l.code, l]));
    hotLayer = L.geoJSON(shapes, {
      filter: f => hotspotColours[byCode.get(f.properties.code)?.class] !== null,
      style: f => ({ color: hotspotColours[byCode.get(f.properties.code).class], weight: 3, fillOpacity: 0.15, fillColor: hotspotColours[byCode.get(f.properties.code).class] }),
      onEachFeature: (f, l) => {
        const s = byCode.get(f.properties.code);
        l.bindTooltip(`${escapeHtml(f.properties.name)}: ${hotspotLabels[s.class]} (Gi* z = ${s.z.toFixed(2)}, p = ${s.pValue.toFixed(4)})`);
      }
    }).addTo(map);
    hotLayer.eachLayer(l => l.getElement()?.setAttribute("data-hotspot", byCode.get(l.feature.properties.code).class));
    const counts = Object.keys(hotspotLabels).map(k => [k, gi.lsoas.filter(l => l.class === k).length]).filter(([, n]) => n > 0);
    $("legend").insertAdjacentHTML("beforeend",
      `<div id="hotspot-legend"><strong>Hot spots</strong> (outlined; ${gi.falseDiscoveryRate ? "p adjusted for multiple testing" : "p not adjusted for multiple testing"}):</div>` +
      counts.map(([k, n]) => `<div data-hotspot="${k}"><span class="swatch" style="background:${hotspotColours[k]}"></span>${hotspotLabels[k]}: ${n} LSOAs</div>`).join("") +
      `<p class="notes">${gi.notes.map(escapeHtml).join(" ")}</p>`);
  } catch (e) {
    $("legend").insertAdjacentHTML("beforeend", `<p class="notes">Hot spots cannot be shown: ${escapeHtml(e.message)}</p>`);
  }
}

async function select(code, name, category, period) {
  $("ward-title").textContent = `${name}: ${category}`;
  try {
    const [series, comparison] = await Promise.all([
      getJson(`/api/series?area=${q(code)}&category=${q(category)}`),
      getJson(`/api/compare?area=${q(code)}&current=${q(period)}&category=${q(category)}`).catch(e => ({ error: e.message }))]);
    chart(series, name);
    compare(comparison);
    $("notes").textContent = series.notes.join(" ");
  } catch (e) {
    $("chart").textContent = `Cannot show ${name}: ${e.message}`;
  }
}

function chart(series, name) {
  const values = series.months.map(m => m.crimes);
  const max = Math.max(1, ...values.filter(v => v !== null));
  const w = 320, h = 170, step = values.length > 1 ? (w - 50) / (values.length - 1) : 0;
  const x = i => 40 + i * step, y = v => h - 30 - (v / max) * (h - 50);
  const dots = values.map((v, i) => v === null ? "" :
    `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="#0072B2" data-month="${series.months[i].month}" data-crimes="${v}"><title>${series.months[i].month}: ${v}</title></circle>`).join("");
  const segments = [];
  let run = [];
  values.forEach((v, i) => { if (v === null) { if (run.length) segments.push(run); run = []; } else run.push(`${x(i)},${y(v)}`); });
  if (run.length) segments.push(run);
  const gaps = series.months.map((m, i) => m.gap ? `<text x="${x(i) - 4}" y="${h - 32}" font-size="10" fill="#a00">gap</text>` : "").join("");
  $("chart").innerHTML =
    `<svg width="${w}" height="${h}" role="img" aria-label="${escapeHtml(name)}: crimes by month">` +
    `<line x1="40" y1="${h - 30}" x2="${w - 5}" y2="${h - 30}" stroke="#333"/><line x1="40" y1="10" x2="40" y2="${h - 30}" stroke="#333"/>` +
    `<text x="2" y="16" font-size="10">${max}</text><text x="2" y="${h - 30}" font-size="10">0</text>` +
    `<text x="2" y="${h / 2}" font-size="10">crimes</text>` +
    segments.map(s => `<polyline fill="none" stroke="#0072B2" stroke-width="2" points="${s.join(" ")}"/>`).join("") + dots + gaps +
    `<text x="40" y="${h - 14}" font-size="10">${series.months[0]?.month ?? ""}</text>` +
    `<text x="${w - 50}" y="${h - 14}" font-size="10">${series.months.at(-1)?.month ?? ""}</text>` +
    `<text x="${w / 2 - 20}" y="${h - 2}" font-size="10">month</text></svg>`;
}

function compare(c) {
  if (c.error) { $("comparison").innerHTML = `<caption>No comparison: ${escapeHtml(c.error)}</caption>`; return; }
  $("comparison").innerHTML =
    `<caption>${escapeHtml(c.current)} against ${escapeHtml(c.previous)}</caption>` +
    `<tr><th>Previous</th><td data-field="previousCrimes">${format(c.previousCrimes, 0)}</td></tr>` +
    `<tr><th>Current</th><td data-field="currentCrimes">${format(c.currentCrimes, 0)}</td></tr>` +
    `<tr><th>Change</th><td>${c.change === null ? "not shown" : (c.change > 0 ? "+" : "") + format(c.change, 0)} (${escapeHtml(c.apparentChange ?? "not shown")})</td></tr>` +
    `<tr><th>Verdict</th><td data-field="verdict">${escapeHtml(c.verdict ?? "not shown")}${c.pValue === null ? "" : ` (p = ${c.pValue < 0.001 ? "<0.001" : c.pValue.toFixed(3)})`}</td></tr>`;
}

async function pyramid() {
  const area = $("area").value, period = $("profile-period").value || $("period").value, marker = $("marker").value;
  $("district-title").textContent = `Victims and offenders: ${area}, ${period}`;
  try {
    const p = await getJson(`/api/pyramid?area=${q(area)}&period=${q(period)}${marker ? `&marker=${q(marker)}` : ""}`);
    $("pyramid").innerHTML = (p.synthetic ? `<p class="synthetic">SYNTHETIC DATA: not real crime records</p>` : "") +
      drawPyramid("Victims", p.victims) + drawPyramid("Offenders", p.offenders);
    $("pyramid-notes").textContent = p.notes.join(" ");
  } catch (e) {
    $("pyramid").innerHTML = "";
    $("pyramid-notes").textContent = `No victim and offender profile: ${e.message}`;
  }
  try {
    const m = await getJson(`/api/markers?area=${q(area)}&period=${q(period)}`);
    $("markers").innerHTML = `<caption>Crimes with each marker, ${escapeHtml(m.period)}${m.synthetic ? " (SYNTHETIC DATA)" : ""}</caption>` +
      m.markers.map(k => `<tr data-marker="${escapeHtml(k.marker)}"><th>${escapeHtml(k.label)}</th>` +
        `<td>${format(k.crimes, 0)}</td></tr>`).join("");
  } catch (e) {
    $("markers").innerHTML = `<caption>No marker counts: ${escapeHtml(e.message)}</caption>`;
  }
}

// One pyramid: age bands up the middle, female to the left, male to the right.
function drawPyramid(title, bands) {
  const w = 380, row = 16, top = 22, half = 100, mid = w / 2;
  const max = Math.max(1, ...bands.flatMap(b => [b.female, b.male]).filter(v => v !== null));
  const bars = bands.slice().reverse().map((b, i) => {
    const yy = top + i * row;
    const f = b.female ?? 0, m = b.male ?? 0;
    return `<rect x="${mid - 30 - (f / max) * half}" y="${yy}" width="${(f / max) * half}" height="${row - 3}" fill="#E69F00"><title>${b.band} female: ${format(b.female, 0)}</title></rect>` +
      `<rect x="${mid + 30}" y="${yy}" width="${(m / max) * half}" height="${row - 3}" fill="#0072B2"><title>${b.band} male: ${format(b.male, 0)}</title></rect>` +
      `<text x="${mid}" y="${yy + row - 5}" font-size="9" text-anchor="middle">${escapeHtml(b.band.replace("Age not recorded", "age n/k"))}</text>` +
      (b.unknownSex === 0 ? "" : `<text x="${w - 2}" y="${yy + row - 5}" font-size="9" text-anchor="end" fill="#555">sex n/k: ${format(b.unknownSex, 0)}</text>`);
  }).join("");
  return `<svg width="${w}" height="${top + bands.length * row + 6}" role="img" aria-label="${title} by age and sex" data-pyramid="${title.toLowerCase()}">` +
    `<text x="0" y="12" font-size="11" font-weight="bold">${title}</text>` +
    `<text x="${mid - 40}" y="12" font-size="10" text-anchor="end" fill="#8a5a00">female</text><text x="${mid + 40}" y="12" font-size="10" fill="#0072B2">male</text>` +
    bars + `</svg>`;
}

async function start() {
  config = await getJson("/api/config");
  $("category").innerHTML = config.categories.map(c => `<option>${escapeHtml(c)}</option>`).join("");
  $("marker").innerHTML = `<option value="">All crimes</option>` +
    Object.entries(config.markers).map(([k, label]) => `<option value="${escapeHtml(k)}">${escapeHtml(label)}</option>`).join("");
  $("logout").hidden = config.public;
  $("mode").textContent = config.public
    ? "Public atlas. Street counts are data.police.uk's own published records and are shown as published, without suppression. " +
      `Figures from the force's own extract (victim and offender profiles, crimes by marker) are given for whole financial years inside the extract, ` +
      `for districts and larger areas only; counts from 1 to ${config.suppressUpTo} are not shown, nor any count from which one could be worked out.`
    : "Restricted atlas: every count is shown. Do not share small numbers outside the partnership.";
  // Start on the area's latest quarter of street data.
  const last = (months, n) => {
    const to = months.split("..").at(-1), [y, m] = to.split("-").map(Number);
    const from = new Date(Date.UTC(y, m - n, 1));
    return `${from.getUTCFullYear()}-${String(from.getUTCMonth() + 1).padStart(2, "0")}..${to}`;
  };
  const held = await getJson(`/api/series?area=${q($("area").value)}`).catch(() => null);
  if (held?.months.length) $("period").value = last(held.months.at(-1).month, 3);
  // The extract's latest financial year wholly inside it (the public atlas answers those only).
  if (config.extractMonths) {
    const [from, to] = config.extractMonths.split("..");
    const [y, m] = to.split("-").map(Number);
    const start = m >= 3 ? y - 1 : y - 2;
    if (`${start}-04` >= from) $("profile-period").value = `FY${start}/${String((start + 1) % 100).padStart(2, "0")}`;
  }
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? "" }).addTo(map);
  }
  await show();
}

$("controls").addEventListener("submit", e => { e.preventDefault(); show(); });
$("profile-controls").addEventListener("submit", e => { e.preventDefault(); pyramid(); });
$("marker").addEventListener("change", () => pyramid());
start().catch(e => { $("status").textContent = `Cannot start the atlas: ${e.message}`; });
