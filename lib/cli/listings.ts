/**
 * The catalogue as the `products`, `profiles` and `lookup` commands print it: an aligned table for
 * people, or JSON for scripts, in the language asked for.
 */
import { countPortRanges, getProduct, lookupPort, portsUsedBy, products, profiles, resolve, type Locale, type ProductEntry, type ProfileEntry, type ProtocolPortRange, type ServiceEntry } from '../core';
import { formatProtocolPorts } from '../core/ports';
import { alignedTable } from '../review/text-table';
import { cliLanguage, type CliLanguage } from './locales';
import type { PortQuery } from './options';

/** How a listing is printed. */
export type ListingFormat = 'table' | 'json';

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A product's or service's status: current, retired with its date, or link-local multicast. */
function statusText(entry: Pick<ServiceEntry, 'status' | 'retired'> & { readonly reach?: ServiceEntry['reach'] }, language: CliLanguage): string {
  if (entry.retired) {
    return language.status.retired(entry.retired.date);
  }
  if (entry.reach === 'link-local-multicast') {
    return language.status.linkLocal;
  }
  if (entry.reach === 'local-gateway') {
    return language.status.localGateway;
  }
  return language.status[entry.status];
}

/** Every product with its names, aliases, status and the ports its services use. */
export function productListing(format: ListingFormat, locale: Locale): string {
  const rows = products.map((product) => {
    const ports = portsUsedBy([product.id]);
    return { product, ports, portCount: countPortRanges(ports) };
  });
  if (format === 'json') {
    return json(
      rows.map(({ product, ports, portCount }) => ({
        id: product.id,
        name: product.name,
        aliases: product.aliases,
        status: product.status,
        ...(product.retired ? { retired: product.retired.date } : {}),
        services: product.uses.map((u) => u.service),
        portCount,
        ports,
      })),
    );
  }
  const language = cliLanguage(locale);
  return `${alignedTable({
    header: language.products.header,
    rows: rows.map(({ product, portCount }) => [
      product.id,
      product.name.en,
      product.name['zh-CN'],
      product.aliases.join(', ') || '-',
      statusText(product, language),
      `${portCount}`,
    ]),
  })}\n`;
}

/**
 * The ports a profile opens by default, from the resolver itself: retired services and link-local
 * multicast are left out, and so are outbound-only services of an ingress profile.
 */
function openedByDefault(profile: ProfileEntry): ProtocolPortRange[] {
  // Ingress has no default source; any one source opens the same ports.
  const policy = resolve({ profiles: [profile.id], ...(profile.direction === 'ingress' ? { destinations: ['anywhere'] } : {}) });
  return policy.rules.map((rule) => ({ protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort }));
}

/** Every profile with its names, direction, products and the ports it opens by default. */
export function profileListing(format: ListingFormat, locale: Locale): string {
  const rows = profiles.map((profile) => {
    const ports = openedByDefault(profile);
    return { profile, ports, portCount: countPortRanges(ports) };
  });
  if (format === 'json') {
    return json(
      rows.map(({ profile, ports, portCount }) => ({
        id: profile.id,
        name: profile.name,
        description: profile.description,
        direction: profile.direction,
        products: profile.products,
        portCount,
        ports,
      })),
    );
  }
  const language = cliLanguage(locale);
  const table = alignedTable({
    header: language.profiles.header,
    rows: rows.map(({ profile, portCount }) => [
      profile.id,
      profile.name.en,
      profile.name['zh-CN'],
      language.review.direction[profile.direction],
      profile.products.join(', '),
      `${portCount}`,
    ]),
  });
  return `${table}\n\n${language.profiles.portsNote}\n`;
}

function productName(product: ProductEntry, locale: Locale, language: CliLanguage): string {
  const name = product.name[locale];
  return product.retired ? language.lookup.retiredProduct(name, product.retired.date) : name;
}

/** Every service that uses a port, with its status and the products that need it; retired ones marked. */
export function portLookup(query: PortQuery, format: ListingFormat, locale: Locale): string {
  const uses = lookupPort(query.port, query.protocol);
  if (format === 'json') {
    return json({
      port: query.port,
      protocol: query.protocol ?? null,
      services: uses.map((use) => ({
        id: use.service.id,
        name: use.service.name?.[locale] ?? use.service.label,
        protocol: use.range.protocol,
        fromPort: use.range.fromPort,
        toPort: use.range.toPort,
        status: use.service.status,
        ...(use.service.retired ? { retired: use.service.retired.date } : {}),
        reach: use.service.reach,
        ianaName: use.service.ianaName,
        products: use.products.map((id) => {
          const product = getProduct(id);
          return { id, name: product.name[locale], status: product.status, ...(product.retired ? { retired: product.retired.date } : {}) };
        }),
      })),
    });
  }
  const language = cliLanguage(locale);
  const asked = query.protocol ? formatProtocolPorts(query.protocol, { fromPort: query.port, toPort: query.port }) : language.lookup.anyProtocol(query.port);
  if (uses.length === 0) {
    return `${language.lookup.none(asked)}\n`;
  }
  const table = alignedTable({
    header: language.lookup.header,
    rows: uses.map((use) => [
      formatProtocolPorts(use.range.protocol, use.range),
      use.service.id,
      use.service.name?.[locale] ?? use.service.label,
      statusText(use.service, language),
      use.products.map((id) => productName(getProduct(id), locale, language)).join(language.review.listSeparator) || '-',
    ]),
  });
  return `${language.lookup.heading(asked)}\n\n${table}\n`;
}
