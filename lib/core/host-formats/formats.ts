/**
 * Every file format the host lists are written in, by name, for the CLI's `hosts --format` and the
 * benchmark: one selection of products feeds every proxy and appliance from the same catalogue.
 */
import type { HostList } from '../policy';
import { domainList, wildcardList } from './lists';
import { pacFile, type PacFileOptions } from './pac';
import { squidAcl, type SquidAclOptions } from './squid';
import { tlsBypassList, type TlsBypassVendor } from './tls-bypass';

/** The file formats, by name. */
export type HostFileFormat = 'domains' | 'wildcards' | 'squid' | 'pac' | TlsBypassVendor;

/** The options every format reads what it needs from. */
export interface HostFileOptions extends SquidAclOptions, PacFileOptions {}

const RENDERERS: Readonly<Record<HostFileFormat, (list: HostList, options: HostFileOptions) => string>> = {
  domains: (list, options) => domainList(list, options),
  wildcards: (list, options) => wildcardList(list, options),
  squid: (list, options) => squidAcl(list, options),
  pac: (list, options) => pacFile(list, options),
  paloalto: (list, options) => tlsBypassList(list, 'paloalto', options),
  zscaler: (list, options) => tlsBypassList(list, 'zscaler', options),
  netskope: (list, options) => tlsBypassList(list, 'netskope', options),
};

/** Every file format's name. */
export const HOST_FILE_FORMATS = Object.keys(RENDERERS) as readonly HostFileFormat[];

/** The hosts of a `hostsFor` list as a file in one format; a list without hosts is refused (`nothing-to-open`). */
export function hostFile(list: HostList, format: HostFileFormat, options: HostFileOptions = {}): string {
  return RENDERERS[format](list, options);
}
