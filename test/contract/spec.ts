/**
 * The contract suite's skip rule. The spec itself (its path, its operations) is in
 * `test/helpers/spec.ts`, shared with the other suites that read it.
 */

/** What to do with the contract suite, decided once when its file loads. */
export type SuitePlan =
  | { readonly run: true }
  | { readonly run: false; readonly fail: false; readonly notice: string }
  | { readonly run: false; readonly fail: true; readonly reason: string };

/**
 * The skip rule: run when the spec exists; without it, skip with a one-line notice on a developer
 * machine, and fail in CI, where a missing spec means a broken checkout rather than a choice.
 */
export function planSuite(specPath: string, specExists: boolean, ci: string | undefined): SuitePlan {
  if (specExists) return { run: true };
  if (isCi(ci)) {
    return { run: false, fail: true, reason: `CI=${ci} and the OpenAPI spec ${specPath} is missing: the contract suite must run in CI` };
  }
  return {
    run: false,
    fail: false,
    notice: `las-sdk contract suite skipped: ${specPath} not found (it lives in ../shared beside the checkout; CI=true makes this an error)`,
  };
}

function isCi(value: string | undefined): boolean {
  return value !== undefined && ['true', '1'].includes(value.trim().toLowerCase());
}
