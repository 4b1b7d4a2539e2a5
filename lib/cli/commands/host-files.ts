/**
 * The `hosts` command's file formats: the hosts of a selection as a proxy or appliance reads them
 * (domain lists, a Squid ACL, a PAC file, TLS-inspection bypass lists), written by the core.
 */
import { HOST_FILE_FORMATS, hostFile, type HostFileFormat, type HostList } from '../../core';
import type { SelectionTerms } from '../../core/policy';

/** The `hosts` flags the file formats read. */
export interface HostFileFlags {
  readonly squidAcl?: string;
  readonly pacRoute?: string;
  readonly pacOtherwise?: string;
}

/** True for a format the core writes as a file, rather than a listing for people. */
export function isHostFileFormat(format: string): format is HostFileFormat {
  return (HOST_FILE_FORMATS as readonly string[]).includes(format);
}

/** The hosts as a file in one of the core's formats, its messages in the command's `terms`. */
export function hostFileOutput(list: HostList, format: HostFileFormat, flags: HostFileFlags, terms: SelectionTerms): string {
  return hostFile(list, format, {
    terms,
    ...(flags.squidAcl !== undefined ? { aclName: flags.squidAcl } : {}),
    ...(flags.pacRoute !== undefined ? { appleRoute: flags.pacRoute } : {}),
    ...(flags.pacOtherwise !== undefined ? { otherwise: flags.pacOtherwise } : {}),
  });
}
