/**
 * The catalogue as the `products`, `profiles` and `lookup` commands print it: an aligned table for
 * people, or JSON for scripts.
 */
import { countPortRanges, findService, getProduct, lookupPort, portsUsedBy, products, profiles, type Locale, type Protocol } from '../core';
import { formatProtocolPorts } from '../core/ports';
import { alignedTable } from '../review/text-table';

/** How a listing is printed. */
export type ListingFormat = 'table' | 'json';

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every product with its names, aliases, status and the ports its services use. */
export function productListing(format: ListingFormat): string {
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
  return `${alignedTable({
    header: ['Product', 'English', '中文', 'Aliases', 'Status', 'Ports'],
    rows: rows.map(({ product, portCount }) => [
      product.id,
      product.name.en,
      product.name['zh-CN'],
      product.aliases.join(', ') || '-',
      product.retired ? `legacy (retired ${product.retired.date})` : product.status,
      `${portCount}`,
    ]),
  })}\n`;
}

/** Every profile with its names, direction, products and the ports its products use. */
export function profileListing(format: ListingFormat): string {
  const rows = profiles.map((profile) => {
    const ports = portsUsedBy(profile.products);
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
  return `${alignedTable({
    header: ['Profile', 'English', '中文', 'Direction', 'Products', 'Ports'],
    rows: rows.map(({ profile, portCount }) => [
      profile.id,
      profile.name.en,
      profile.name['zh-CN'],
      profile.direction,
      profile.products.join(', '),
      `${portCount}`,
    ]),
  })}\n`;
}

/** A port the user asked about, with or without a protocol. */
export interface PortQuery {
  readonly port: number;
  readonly protocol?: Protocol;
}

/** Every service that uses a port, with its status and the products that need it. */
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
        products: use.products.map((id) => ({ id, name: getProduct(id).name[locale] })),
      })),
    });
  }
  const asked = query.protocol ? formatProtocolPorts(query.protocol, { fromPort: query.port, toPort: query.port }) : `port ${query.port}`;
  if (uses.length === 0) {
    return `No Apple service in the catalogue uses ${asked}.\n`;
  }
  const status = (id: string) => {
    const service = findService(id)!;
    if (service.retired) {
      return `legacy (retired ${service.retired.date})`;
    }
    return service.reach === 'link-local-multicast' ? 'link-local multicast' : service.status;
  };
  const table = alignedTable({
    header: ['Ports', 'Service', 'Name', 'Status', 'Products'],
    rows: uses.map((use) => [
      formatProtocolPorts(use.range.protocol, use.range),
      use.service.id,
      use.service.name?.[locale] ?? use.service.label,
      status(use.service.id),
      use.products.map((id) => getProduct(id).name[locale]).join(locale === 'zh-CN' ? '、' : ', ') || '-',
    ]),
  });
  return `Apple services using ${asked}:\n\n${table}\n`;
}
