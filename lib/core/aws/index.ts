/** The AWS room: AWS's facts and quotas, security-group quota checks, network ACL planning and prefix lists. */
export * from './facts';
export * from './ledgers';
export * from './network-acl';
export * from './prefix-list';
export * from './resource-ids';
export * from './security-group-quota';
