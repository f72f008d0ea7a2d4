/**
 * Contract issues as a FHIR R4 OperationOutcome: one issue per problem, `expression` holding the
 * path in the input, `diagnostics` the one-line message. Mapping only; HTTP status and throwing
 * belong to the caller.
 */
import type { Issue } from '../contract/index.js';

/** FHIR issue-type codes used here (http://hl7.org/fhir/issue-type). */
export type IssueType = 'invalid' | 'structure' | 'required' | 'value';

/**
 * What kind of problem a contract issue is: a required element missing, a value outside what is
 * allowed, or content that is not shaped as expected (unknown field, wrong type, not JSON).
 */
export function issueType(issue: Issue): IssueType {
  switch (issue.code) {
    case 'invalid_type':
      return issue.found === 'nothing' ? 'required' : 'structure';
    case 'unknown_field':
    case 'invalid_json':
    case 'invalid_key':
      return 'structure';
    case 'invalid_value':
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'not_multiple_of':
      return 'value';
    default:
      return 'invalid';
  }
}

export function operationOutcome(issues: readonly Issue[], severity: 'error' | 'warning' = 'error'): Record<string, unknown> {
  // OperationOutcome.issue is 1..*: no problems is said as an informational issue.
  if (issues.length === 0) {
    return { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics: 'No issues.' }] };
  }
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity,
      code: issueType(i),
      diagnostics: i.message,
      // `(root)` names the document itself, which has no element path.
      ...(i.path === '(root)' ? {} : { expression: [i.path] }),
    })),
  };
}
