/** Review documents and policy diffs: what a security reviewer reads in a pull request. */
export { renderReview, reviewPolicy, type ReviewFormat, type ReviewOptions, type ReviewPolicyOptions } from './review';
export type * from './types';
export { REVIEW_SCHEMA_VERSION } from './types';
export { diffPolicies, emptyPolicy, type ClosingCause, type PolicyDiff, type PortChangeReason, type PortTotals, type RuleChange, type RuleChangeKind } from './policy-diff';
export { renderPolicyDiff, type PolicyDiffFormat, type PolicyDiffRenderOptions } from './policy-diff-render';
export { flowReportDocument, productName, renderFlowReport, type FlowReportFormat, type FlowReportRenderOptions } from './flow-report';
export {
  POLICY_METADATA_KEY,
  POLICY_RECORD_VERSION,
  policyRecord,
  readPolicyRecord,
  type PolicyRecord,
  type PolicyRecordSubject,
  type ReadPolicyRecord,
  type RecordedConstructType,
  type RecordedSelection,
  type RecordedNotice,
  type RecordedPolicy,
  type RecordedRule,
} from './policy-record';
export type { DocumentBlock, DocumentFormat } from './text-document';
export type { Table } from './text-table';
export { applePortsSerializer, type SnapshotSerializer } from './snapshot-serializer';
export { dnsFirewallBlocks, renderDnsFirewallReview, type DnsFirewallReviewFormat } from './dns-firewall';
export {
  catalogueChanges,
  type CatalogueChanges,
  type CatalogueChangesOptions,
  type CatalogueVersionChanges,
} from './catalogue-changes';
export { renderCatalogueChanges, type CatalogueChangesFormat, type CatalogueChangesRenderOptions } from './catalogue-changes-render';
