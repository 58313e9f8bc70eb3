import { daysBetween, type IsoDate } from "../core/calendarDate.js";
import { formatNumber as n } from "../core/format.js";
import type { Review } from "../core/review.js";
import type { MeasureOutcome } from "../core/reviewOutcomes.js";
import { html, type Markup } from "./markup.js";
import { changeWords, signed } from "./quantities.js";

// The printable review page: one self-contained document (no script, nothing fetched), its chart an
// inline SVG: bars of g/kg/month per 12-week window, a panel per measure with its MCID band around
// the baseline, review dates as dashed lines and the next due date in red.

const W = 720;
const LEFT = 56;
const RIGHT = 16;
const BAR_H = 150;
const PANEL_H = 90;
const GAP = 28;

const STYLE = `
body{font:12px/1.4 system-ui,sans-serif;margin:16px;color:#111}
h1{font-size:18px;margin:0 0 4px}h2{font-size:14px;margin:16px 0 4px}
table{border-collapse:collapse;margin:4px 0}td,th{border:1px solid #bbb;padding:2px 6px;text-align:left}
td.num{text-align:right;white-space:nowrap}.warn{color:#a00;font-weight:600}.small{font-size:10px;color:#444}
svg text{font:10px system-ui,sans-serif}
@page{margin:12mm}`;

interface Axis {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
}

const x = (axis: Axis, date: IsoDate) => LEFT + ((W - LEFT - RIGHT) * daysBetween(axis.from, date)) / axis.days;
const f = (v: number) => v.toFixed(1);

function axisOf(r: Review): Axis | null {
  const first = r.intensity.windows[0]?.from ?? r.outcomes[0]?.baseline.date;
  if (first === undefined) return null;
  const last = [r.asOf, r.review.nextDue ?? r.asOf].sort().at(-1)!;
  return { from: first, to: last, days: Math.max(1, daysBetween(first, last)) };
}

function bars(r: Review, axis: Axis, top: number): Markup {
  const max = Math.max(2.5, ...r.intensity.windows.map((w) => w.gPerKgPerMonth));
  const y = (v: number) => top + BAR_H - (BAR_H * v) / max;
  const rects = r.intensity.windows.map((w) => {
    const x0 = x(axis, w.from);
    const width = Math.max(1, x(axis, w.to) - x0 - 1);
    return html`<rect x="${f(x0)}" y="${f(y(w.gPerKgPerMonth))}" width="${f(width)}"
      height="${f(top + BAR_H - y(w.gPerKgPerMonth))}" fill="#6a8fc7">
      <title>${w.from} to ${w.to}: ${n(w.gPerKgPerMonth)} g/kg/month</title></rect>`;
  });
  const ticks = [0, 1, 2, Math.round(max * 10) / 10].map(
    (v) => html`<text x="${LEFT - 4}" y="${f(y(v) + 3)}" text-anchor="end">${n(v)}</text>`,
  );
  return html`<g><text x="${LEFT}" y="${top - 6}">g/kg/month per 12-week window</text>${rects}${ticks}<line x1="${LEFT}"
    x2="${W - RIGHT}" y1="${top + BAR_H}" y2="${top + BAR_H}" stroke="#333"/></g>`;
}

function panel(o: MeasureOutcome, axis: Axis, top: number): Markup {
  const values = o.readings.map((p) => p.value);
  const band = o.mcid ?? 0;
  const lo = Math.min(...values, o.baseline.value - band);
  const hi = Math.max(...values, o.baseline.value + band);
  const span = hi - lo || 1;
  const y = (v: number) => top + PANEL_H - 6 - ((PANEL_H - 12) * (v - lo)) / span;
  const points = o.readings.map((p) => `${f(x(axis, p.date))},${f(y(p.value))}`).join(" ");
  const bandRect =
    o.mcid === null
      ? null
      : html`<rect x="${LEFT}" width="${W - LEFT - RIGHT}" y="${f(y(o.baseline.value + band))}"
        height="${f(y(o.baseline.value - band) - y(o.baseline.value + band))}" fill="#d9ead3"/>`;
  const label = `${o.name} (${o.unit})${o.mcid === null ? ": no sourced MCID, no band" : `: band = baseline ± MCID ${n(o.mcid)}`}`;
  const dots = o.readings.map(
    (p) =>
      html`<circle cx="${f(x(axis, p.date))}" cy="${f(y(p.value))}" r="2.5" fill="#222"><title>${p.date}: ${n(p.value)}</title></circle>`,
  );
  return html`<g>${bandRect}<text x="${LEFT}" y="${top - 4}">${label}</text><text x="${LEFT - 4}" y="${f(y(hi) + 3)}"
    text-anchor="end">${n(hi)}</text><text x="${LEFT - 4}" y="${f(y(lo) + 3)}" text-anchor="end">${n(lo)}</text>
    <polyline points="${points}" fill="none" stroke="#222" stroke-width="1.5"/>${dots}</g>`;
}

function chart(r: Review): Markup | null {
  const axis = axisOf(r);
  if (axis === null) return null;
  const height = GAP + BAR_H + r.outcomes.length * (PANEL_H + GAP) + 20;
  const reviews = [...new Set(r.outcomes.flatMap((o) => o.readings.map((p) => p.date)))].filter((d) => d >= axis.from);
  const marks = reviews.map(
    (d) =>
      html`<line x1="${f(x(axis, d))}" x2="${f(x(axis, d))}" y1="10" y2="${height - 20}" stroke="#888" stroke-dasharray="3 3"/>`,
  );
  const due = r.review.nextDue;
  const dueMark =
    due === null || due < axis.from
      ? null
      : html`<line x1="${f(x(axis, due))}" x2="${f(x(axis, due))}" y1="10" y2="${height - 20}" stroke="#c00" stroke-width="1.5"/>
        <text x="${f(x(axis, due) - 3)}" y="20" text-anchor="end" fill="#c00">next review due ${due}</text>`;
  const panels = r.outcomes.map((o, i) => panel(o, axis, GAP + BAR_H + GAP + i * (PANEL_H + GAP)));
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img"
    aria-label="Dose intensity and outcome measures over time">${marks}${bars(r, axis, GAP)}${panels}${dueMark}<text x="${LEFT}"
    y="${height - 8}">${axis.from}</text><text x="${W - RIGHT}" y="${height - 8}" text-anchor="end">${axis.to}</text></svg>`;
}

function outcomeRows(r: Review): Markup {
  const row = (o: MeasureOutcome) =>
    html`<tr><td>${o.name}</td><td>${o.unit}</td><td>${o.mcid === null ? "none sourced" : `±${n(o.mcid)}`}</td>
      <td class="num">${n(o.baseline.value)} (${o.baseline.date})</td><td class="num">${
        o.previous === null ? "-" : `${n(o.previous.value)} (${o.previous.date})`
      }</td><td class="num">${n(o.latest.value)} (${o.latest.date})</td>
      <td>${o.changeSincePrevious === null ? "-" : signed(o.changeSincePrevious)}: ${o.sincePrevious}</td>
      <td>${signed(o.changeSinceBaseline)}: ${o.sinceBaseline}</td></tr>`;
  return html`<table><tr><th>Measure</th><th>Unit</th><th>MCID</th><th>Baseline</th><th>Previous</th><th>Latest</th>
    <th>Since previous</th><th>Since baseline</th></tr>${r.outcomes.map(row)}</table>`;
}

function intensity(r: Review): Markup {
  const d = r.intensity;
  const trend =
    d.trend === null
      ? "Trend over 12 months: the history is shorter than 64 weeks."
      : `Trend over 12 months: ${n(d.trend.yearBefore)} → ${n(d.trend.now)} g/kg/month` +
        (d.trend.percent === null ? "." : ` (dose intensity ${changeWords(d.trend.percent)}).`);
  const windows = d.windows.map(
    (w) =>
      html`<tr><td>${w.from}</td><td>${w.to}</td><td class="num">${n(w.grams)}</td><td class="num">${n(w.gPerKgPerMonth)}</td>
        <td class="num">${w.scigWeeklyGPerKg === null ? "-" : n(w.scigWeeklyGPerKg, 3)}</td><td>${w.partial ? "partial" : ""}
        </td></tr>`,
  );
  return html`<h2>Dose intensity</h2>
    <p>${d.courses.length} IVIG courses; g/kg at each date's dosing weight; a month is 365.25 / 12 days. ${trend}</p><table><tr>
    <th>From</th><th>To</th><th>Grams</th><th>g/kg/month</th><th>SCIG g/kg/week</th><th></th></tr>${windows}</table>`;
}

/** The review as a printable HTML page with its chart. */
export function renderReviewHtml(r: Review): string {
  const warnings = r.warnings.map((w) => html`<li class="warn">${w.code}: ${w.message}</li>`);
  const options = r.options.map(
    (o) =>
      html`<li>${o.text}${o.cidpProtocol ? " (CIDP protocol, not MMN)" : ""}<br>
        <span class="small">Arithmetic: ${o.arithmetic}. Source: ${o.sources.map((s) => html`<a href="${s}">${s}</a> `)}</span>
        </li>`,
  );
  const d = r.review;
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Treatment review ${r.asOf}</title><style>${STYLE}</style></head><body>
<h1>Treatment review as of ${r.asOf}${r.patient === null ? "" : ` · patient ${r.patient}`}</h1>
<p class="small">${r.disclaimer}</p>
${warnings.length > 0 ? html`<h2>Warnings</h2><ul>${warnings}</ul>` : null}
${chart(r)}
<h2>Outcomes: status ${r.status}</h2><p class="small">${r.statusRule}</p>${outcomeRows(r)}
<h2>Review</h2><p>Last review: ${d.lastReview ?? "none"}. Next due: ${d.nextDue ?? "-"} (${d.rule}).</p>
<h2>Options, never decisions</h2>${options.length > 0 ? html`<ol>${options}</ol>` : html`<p>${r.optionsNote}</p>`}
${intensity(r)}
</body></html>
`;
  return page.source;
}
