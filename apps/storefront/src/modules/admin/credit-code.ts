import { COOPERATIVE_CREDIT_CODE_PREFIX } from '@qh/domain';
import { creditCodeProblem as anyCodeProblem } from '../../lib/credit-code';

export type CreditCodeProblem =
  { kind: 'malformed' } | { kind: 'checkChar'; expected: string; actual: string } | { kind: 'notCooperative'; prefix: string };

/**
 * What is wrong with a cooperative's unified social credit code, so the admin can tell the
 * cooperative exactly what to correct; null for a valid farmers' cooperative code (93…).
 */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const problem = anyCodeProblem(code);
  if (problem?.kind === 'checkChar') return problem;
  if (problem) return { kind: 'malformed' };
  if (!code.startsWith(COOPERATIVE_CREDIT_CODE_PREFIX)) return { kind: 'notCooperative', prefix: code.slice(0, 2) };
  return null;
}
