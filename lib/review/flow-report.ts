/**
 * The flow report as people read it: a document (text for a terminal, Markdown for a pull
 * request), CSV of the flow groups for a spreadsheet, JSON of the `FlowReport` itself, or one
 * self-contained HTML page with charts. Same order and words in every format.
 */
import { getProduct, type AppleProduct, type Locale } from '../core/catalogue';
import type { FlowGroup, FlowReport, LineReference, ObservedDemand, ReplayGroup } from '../core/flows';
import { PROTOCOLS, formatPortsByProtocol, type ProtocolPortRange } from '../core/ports';
import { renderFlowReportHtml } from './flow-report-html';
import { flowReportLanguage, type FlowReportLanguage } from './locales';
import { nameWithId } from './names';
import { renderMarkdown, renderPlainText, type DocumentBlock } from './text-document';
import { csvTable } from './text-table';

/** The formats `renderFlowReport` writes. */
export type FlowReportFormat = 'text' | 'markdown' | 'json' | 'csv' | 'html';

/** How to render a flow report. */
export interface FlowReportRenderOptions {
  /** @default 'text' */
  readonly format?: FlowReportFormat;
  /** @default 'en' */
  readonly locale?: Locale;
}

/** A product by its name in the locale, with its id where the name does not show it. */
export function productName(id: AppleProduct, locale: Locale): string {
  return nameWithId({ id, name: getProduct(id).name[locale] });
}

/** How many products a table cell names before it counts the rest. */
const LISTED_PRODUCTS = 4;

function productList(ids: readonly AppleProduct[], locale: Locale, language: FlowReportLanguage, limit = Infinity): string {
  if (ids.length === 0) {
    return language.none;
  }
  const names = ids.slice(0, limit).map((id) => productName(id, locale));
  return ids.length > limit ? `${names.join(language.listSeparator)} ${language.more(ids.length - limit)}` : names.join(language.listSeparator);
}

function lineReference(reference: LineReference | undefined): string {
  return reference ? `${reference.source}:${reference.lineNumber}` : '';
}

function portText(port: number | undefined): string {
  return port === undefined ? '-' : `${port}`;
}

function demandEvidence(demand: ObservedDemand, language: FlowReportLanguage): string {
  return (Object.entries(demand.evidence) as [keyof ObservedDemand['evidence'], number][])
    .filter(([, count]) => count > 0)
    .map(([evidence, count]) => `${language.evidenceName[evidence]} ${count}`)
    .join(language.listSeparator);
}

function demandRanges(demands: readonly ObservedDemand[]): ProtocolPortRange[] {
  return demands.map((d) => ({ protocol: d.protocol, fromPort: d.port, toPort: d.port }));
}

function replayTable(groups: readonly ReplayGroup[], locale: Locale, language: FlowReportLanguage): DocumentBlock {
  if (groups.length === 0) {
    return { kind: 'paragraph', text: language.nothing };
  }
  const c = language.replayColumns;
  return {
    kind: 'table',
    table: {
      header: [c.direction, c.protocol, c.port, c.products, c.records, c.addresses, c.sample],
      rows: groups.map((g) => [
        language.direction[g.direction],
        g.protocol,
        portText(g.servicePort),
        productList(g.products, locale, language, LISTED_PRODUCTS),
        `${g.records}`,
        g.remoteAddresses.join(language.listSeparator),
        lineReference(g.samples[0]),
      ]),
    },
  };
}

/** The report as document blocks, the same for text, Markdown and HTML. */
export function flowReportDocument(report: FlowReport, locale: Locale = 'en'): DocumentBlock[] {
  const language = flowReportLanguage(locale);
  const t = report.totals;
  const blocks: DocumentBlock[] = [{ kind: 'title', text: language.title }];
  const local =
    report.local.cidrs.length + report.local.interfaces.length === 0
      ? language.localDefault
      : language.localValue(report.local.cidrs.join(language.listSeparator), report.local.interfaces.join(language.listSeparator));
  blocks.push({
    kind: 'fields',
    separator: language.fieldSeparator,
    fields: [
      [language.fieldSources, language.sourcesValue(report.sources.length, t.records, t.nodata, t.skipdata, t.malformed)],
      [language.fieldLocal, local],
      [language.fieldRecords, language.classCounts(t.byClass)],
      ...(t.otherInterfaces + t.notLocal > 0 ? [[language.fieldSkipped, language.skippedValue(t.otherInterfaces, t.notLocal)] as [string, string]] : []),
      ...(t.queries > 0 ? [[language.fieldQueries, language.queriesValue(t.queries, t.appleQueries)] as [string, string]] : []),
    ],
  });

  blocks.push({ kind: 'heading', text: language.demandsHeading(report.demands.length) });
  const dc = language.demandColumns;
  blocks.push(
    report.demands.length === 0
      ? { kind: 'paragraph', text: language.noDemands }
      : {
          kind: 'table',
          table: {
            header: [dc.direction, dc.protocol, dc.port, dc.records, dc.accepted, dc.rejected, dc.evidence, dc.hosts, dc.products],
            rows: report.demands.map((d) => [
              language.direction[d.direction],
              d.protocol,
              `${d.port}`,
              `${d.records}`,
              `${d.accepted}`,
              `${d.rejected}`,
              demandEvidence(d, language),
              d.hosts.join(language.listSeparator),
              productList(groupProducts(report.groups, d), locale, language, LISTED_PRODUCTS),
            ]),
          },
        },
  );

  for (const suggestion of report.suggestion ?? []) {
    blocks.push({ kind: 'heading', text: language.suggestionHeading(suggestion.direction) });
    const opened = PROTOCOLS.flatMap((protocol) => suggestion.opened[protocol].map((range) => ({ protocol, ...range })));
    const best = suggestion.profiles[0];
    blocks.push({
      kind: 'fields',
      separator: language.fieldSeparator,
      fields: [
        [language.fieldProducts, productList(suggestion.products.map((p) => p.product), locale, language)],
        [language.fieldOpens, language.opensValue(formatPortsByProtocol(opened) || language.none, suggestion.extraPorts)],
        [language.fieldProfile, best ? language.profileValue(best.profile, best.extraPorts, best.extraPorts === suggestion.extraPorts) : language.noProfile],
      ],
    });
    const jc = language.justificationColumns;
    if (suggestion.products.length > 0) {
      blocks.push({
        kind: 'table',
        table: {
          header: [jc.product, jc.ports, jc.records, jc.alternatives],
          rows: suggestion.products.map((p) => [
            productName(p.product, locale),
            formatPortsByProtocol(demandRanges(p.demands.map((i) => report.demands[i]))),
            `${p.records}`,
            p.alternatives.length === 0 ? language.none : productList(p.alternatives, locale, language),
          ]),
        },
      });
    }
    if (suggestion.uncovered.length > 0) {
      blocks.push({ kind: 'paragraph', text: language.uncoveredIntro });
      blocks.push({
        kind: 'list',
        items: suggestion.uncovered.map((u) => {
          const d = report.demands[u.demand];
          return `${d.protocol} ${d.port}: ${language.uncoveredReason[u.reason]}`;
        }),
      });
    }
    blocks.push({ kind: 'paragraph', text: language.searchNote(suggestion.searchNodes) });
  }

  blocks.push({ kind: 'heading', text: language.unexplainedHeading(report.unexplained.length + report.unexplainedLeftOut) });
  const uc = language.unexplainedColumns;
  blocks.push(
    report.unexplained.length === 0
      ? { kind: 'paragraph', text: language.noUnexplained }
      : {
          kind: 'table',
          table: {
            header: [uc.class, uc.direction, uc.protocol, uc.port, uc.records, uc.addresses, uc.sample],
            rows: report.unexplained.map((g) => [
              language.className[g.class],
              language.direction[g.direction],
              g.protocol,
              portText(g.servicePort),
              `${g.records}`,
              g.remoteAddresses.join(language.listSeparator),
              lineReference(g.samples[0]),
            ]),
          },
        },
  );
  if (report.unexplainedLeftOut > 0) {
    blocks.push({ kind: 'paragraph', text: language.unexplainedLeftOut(report.unexplainedLeftOut) });
  }

  if (report.replay) {
    const r = report.replay;
    const sum = (groups: readonly ReplayGroup[]) => groups.reduce((n, g) => n + g.records, 0);
    blocks.push({ kind: 'heading', text: language.replayHeading(r.policy) });
    blocks.push({ kind: 'paragraph', text: language.replaySummary(r.rules, sum(r.wouldBlock), sum(r.wouldAllow), sum(r.unknown), r.unchanged) });
    if (r.notes.length > 0) {
      blocks.push({ kind: 'list', items: r.notes });
    }
    blocks.push({ kind: 'paragraph', text: language.wouldBlockHeading }, replayTable(r.wouldBlock, locale, language));
    blocks.push({ kind: 'paragraph', text: language.wouldAllowHeading }, replayTable(r.wouldAllow, locale, language));
    if (r.unknown.length > 0) {
      blocks.push({ kind: 'paragraph', text: language.unknownHeading }, replayTable(r.unknown, locale, language));
    }
  }

  if (report.firewall) {
    const f = report.firewall;
    const fc = language.firewallColumns;
    blocks.push({ kind: 'heading', text: language.firewallHeading(f.alerts) });
    blocks.push(
      f.rules.length === 0
        ? { kind: 'paragraph', text: language.nothing }
        : {
            kind: 'table',
            table: {
              header: [fc.sid, fc.kind, fc.products, fc.hosts, fc.alerts, fc.actions],
              rows: f.rules.map((rule) => [
                `${rule.sid}`,
                rule.kind,
                productList(rule.products, locale, language),
                rule.hosts.join(language.listSeparator),
                `${rule.alerts}`,
                Object.entries(rule.actions)
                  .sort(([a], [b]) => (a < b ? -1 : 1))
                  .map(([action, count]) => `${action} ${count}`)
                  .join(language.listSeparator),
              ]),
            },
          },
    );
    if (f.unknownSignatures.length > 0) {
      blocks.push({ kind: 'paragraph', text: language.unknownSignatures(f.unknownSignatures.map((s) => `${s.sid} (${s.alerts})`).join(language.listSeparator)) });
    }
  }

  if (report.queriedHosts.length > 0) {
    const hc = language.hostColumns;
    blocks.push({ kind: 'heading', text: language.hostsHeading(report.queriedHosts.length) });
    blocks.push({
      kind: 'table',
      table: {
        header: [hc.host, hc.queries, hc.products, hc.names],
        rows: report.queriedHosts.map((h) => [h.host, `${h.queries}`, productList(h.products, locale, language, LISTED_PRODUCTS), h.names.join(language.listSeparator)]),
      },
    });
  }

  if (t.malformed > 0) {
    blocks.push({ kind: 'heading', text: language.malformedHeading(t.malformed) });
    blocks.push({ kind: 'list', items: report.malformed.map((m) => `${m.source}:${m.lineNumber}: ${m.reason}`) });
    if (t.malformed > report.malformed.length) {
      blocks.push({ kind: 'paragraph', text: language.malformedLeftOut(t.malformed - report.malformed.length) });
    }
  }
  return blocks;
}

/** The products of the groups behind a demand: the catalogue's products on that port and direction. */
function groupProducts(groups: readonly FlowGroup[], demand: ObservedDemand): AppleProduct[] {
  const group = groups.find((g) => g.direction === demand.direction && g.protocol === demand.protocol && g.servicePort === demand.port && (g.class === 'apple' || g.class === 'ambiguous'));
  return group ? [...group.products] : [];
}

/** One CSV record per flow group. */
function flowReportCsv(report: FlowReport, locale: Locale): string {
  const language = flowReportLanguage(locale);
  return csvTable({
    header: language.csvColumns,
    rows: report.groups.map((g) => [
      g.class,
      g.direction,
      g.protocol,
      g.servicePort === undefined ? '' : `${g.servicePort}`,
      g.action,
      g.evidence,
      `${g.records}`,
      `${g.packets}`,
      `${g.bytes}`,
      g.services.join(' '),
      g.products.join(' '),
      g.hosts.join(' '),
      g.firstSeen === undefined ? '' : `${g.firstSeen}`,
      g.lastSeen === undefined ? '' : `${g.lastSeen}`,
      lineReference(g.samples[0]),
    ]),
  });
}

/** The flow report in one of the formats. */
export function renderFlowReport(report: FlowReport, options: FlowReportRenderOptions = {}): string {
  const locale = options.locale ?? 'en';
  switch (options.format ?? 'text') {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return flowReportCsv(report, locale);
    case 'markdown':
      return renderMarkdown(flowReportDocument(report, locale));
    case 'html':
      return renderFlowReportHtml(report, flowReportDocument(report, locale), locale);
    case 'text':
      return renderPlainText(flowReportDocument(report, locale));
  }
}
