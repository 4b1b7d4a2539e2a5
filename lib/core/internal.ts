/**
 * What the CDK and Pulumi adapters share with the core beyond the public API: peer helpers and
 * port formatting for naming resources. The package does not export this module.
 */
export { comparePeers, formatPeer, peerFamily, peerKey, peerWeight } from './policy';
export { formatPortRange, formatProtocolPorts } from './ports';
