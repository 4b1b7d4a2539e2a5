/** Review documents and policy diffs: what a security reviewer reads in a pull request. */
export { renderReview, reviewPolicy, type ReviewFormat, type ReviewOptions, type ReviewPolicyOptions } from './review';
export type * from './types';
export { REVIEW_SCHEMA_VERSION } from './types';
export { diffPolicies, emptyPolicy, type ClosingCause, type PolicyDiff, type PortChangeReason, type PortTotals, type RuleChange, type RuleChangeKind } from './policy-diff';
export { renderPolicyDiff, type PolicyDiffFormat, type PolicyDiffRenderOptions } from './policy-diff-render';
export { flowReportDocument, productName, renderFlowReport, type FlowReportFormat, type FlowReportRenderOptions } from './flow-report';
