/**
 * The flow report as one self-contained HTML page: the same document as the text report, with two
 * inline SVG charts (records by suggested product, records per hour by kind). No scripts, no
 * fonts, no requests: a Content-Security-Policy that allows nothing but inline styles says so to
 * the browser too.
 */
import type { Locale } from '../core/catalogue';
import type { AttributionClass, FlowReport } from '../core/flows';
import { flowReportLanguage, type FlowReportLanguage } from './locales';
import type { DocumentBlock } from './text-document';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function blockHtml(block: DocumentBlock): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escape(block.text)}</h1>`;
    case 'heading':
      return `<h2>${escape(block.text)}</h2>`;
    case 'fields':
      return `<dl>${block.fields.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`).join('')}</dl>`;
    case 'paragraph':
      return `<p>${escape(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${block.table.header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${block.table.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

const CLASS_COLOURS: Record<AttributionClass, string> = { apple: '#2f6fde', ambiguous: '#e0a020', 'apple-unmatched': '#b04ad8', other: '#8a8a8a' };
const CLASSES: readonly AttributionClass[] = ['apple', 'ambiguous', 'apple-unmatched', 'other'];
const WIDTH = 720;
const MAX_BARS = 168;

/** Horizontal bars, one per label. */
function barChart(title: string, bars: readonly { label: string; value: number }[]): string {
  if (bars.length === 0) {
    return '';
  }
  const row = 22;
  const labelWidth = 220;
  const height = bars.length * row + 30;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const items = bars
    .map((bar, index) => {
      const y = 24 + index * row;
      const width = Math.max(1, Math.round(((WIDTH - labelWidth - 80) * bar.value) / max));
      return `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${escape(bar.label)}</text><rect x="${labelWidth}" y="${y + 2}" width="${width}" height="${row - 6}" fill="${CLASS_COLOURS.apple}"><title>${escape(`${bar.label}: ${bar.value}`)}</title></rect><text x="${labelWidth + width + 6}" y="${y + 14}">${bar.value}</text>`;
    })
    .join('');
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><text x="0" y="14" class="chart-title">${escape(title)}</text>${items}</svg></figure>`;
}

/** Stacked columns per hour (or per group of hours, for long observations), by kind of flow. */
function timelineChart(title: string, report: FlowReport, language: FlowReportLanguage): string {
  const hours = report.timeline;
  if (hours.length === 0) {
    return '';
  }
  const per = Math.ceil(hours.length / MAX_BARS);
  const columns: Record<AttributionClass, number>[] = [];
  for (let i = 0; i < hours.length; i += per) {
    const column: Record<AttributionClass, number> = { apple: 0, ambiguous: 0, 'apple-unmatched': 0, other: 0 };
    for (const bucket of hours.slice(i, i + per)) {
      for (const cls of CLASSES) {
        column[cls] += bucket.records[cls];
      }
    }
    columns.push(column);
  }
  const plotHeight = 160;
  const top = 24;
  const max = Math.max(...columns.map((c) => CLASSES.reduce((n, cls) => n + c[cls], 0)), 1);
  const width = Math.max(2, Math.floor((WIDTH - 40) / columns.length));
  const bars = columns
    .map((column, index) => {
      let y = top + plotHeight;
      return CLASSES.filter((cls) => column[cls] > 0)
        .map((cls) => {
          const h = Math.max(1, Math.round((plotHeight * column[cls]) / max));
          y -= h;
          return `<rect x="${40 + index * width}" y="${y}" width="${Math.max(1, width - 1)}" height="${h}" fill="${CLASS_COLOURS[cls]}"><title>${escape(`${language.className[cls]}: ${column[cls]}`)}</title></rect>`;
        })
        .join('');
    })
    .join('');
  const first = new Date(hours[0].start * 1000).toISOString().slice(0, 13).replace('T', ' ');
  const last = new Date(hours[hours.length - 1].start * 1000).toISOString().slice(0, 13).replace('T', ' ');
  const legend = CLASSES.map((cls, index) => `<rect x="${40 + index * 170}" y="${top + plotHeight + 26}" width="10" height="10" fill="${CLASS_COLOURS[cls]}"/><text x="${54 + index * 170}" y="${top + plotHeight + 35}">${escape(language.className[cls])}</text>`).join('');
  const height = top + plotHeight + 44;
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><text x="0" y="14" class="chart-title">${escape(title)}</text><text x="36" y="${top + 10}" text-anchor="end">${max}</text><line x1="40" y1="${top + plotHeight}" x2="${WIDTH}" y2="${top + plotHeight}" stroke="#999"/>${bars}<text x="40" y="${top + plotHeight + 16}">${first}:00 UTC</text><text x="${WIDTH}" y="${top + plotHeight + 16}" text-anchor="end">${last}:00 UTC</text>${legend}</svg></figure>`;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:0.5em 0 1em}th,td{border:1px solid #ccc;padding:0.25em 0.5em;text-align:left;vertical-align:top}th{background:#f2f2f2}dl{display:grid;grid-template-columns:max-content auto;gap:0.2em 1em}dt{font-weight:600}figure{margin:1em 0}svg text{font-size:12px;fill:#222}.chart-title{font-weight:600;font-size:13px}`;

/** The page: the document's blocks, with the charts after the summary. */
export function renderFlowReportHtml(report: FlowReport, blocks: readonly DocumentBlock[], locale: Locale): string {
  const language = flowReportLanguage(locale);
  const byProduct = (report.suggestion ?? []).flatMap((s) => s.products.map((p) => ({ label: `${p.product} (${language.direction[s.direction]})`, value: p.records })));
  const bars =
    byProduct.length > 0
      ? byProduct
      : report.demands
          .map((d) => ({ label: `${d.protocol} ${d.port}`, value: d.records }))
          .sort((a, b) => b.value - a.value)
          .slice(0, 12);
  const charts = barChart(byProduct.length > 0 ? language.chartProducts : language.demandsHeading(report.demands.length), bars) + timelineChart(language.chartTimeline, report, language);
  const [title, summary, ...rest] = blocks;
  const body = [blockHtml(title), blockHtml(summary), charts, ...rest.map(blockHtml)].join('\n');
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(language.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
