/** The host-formats room: the hosts of a selection as the files proxies and appliances read. */
export * from './formats';
export * from './lists';
export * from './names';
export * from './pac';
export * from './squid';
export * from './tls-bypass';
