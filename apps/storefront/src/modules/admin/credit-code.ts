import { COOPERATIVE_CREDIT_CODE_PREFIX, creditCodeCheckChar, isValidCreditCode } from '@qh/domain';

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type CreditCodeProblem =
  { kind: 'malformed' } | { kind: 'checkChar'; expected: string; actual: string } | { kind: 'notCooperative'; prefix: string };

/**
 * What is wrong with a cooperative's unified social credit code, so the admin can tell the
 * cooperative exactly what to correct; null for a valid farmers' cooperative code (93…).
 */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!SHAPE.test(code)) return { kind: 'malformed' };
  if (!isValidCreditCode(code)) return { kind: 'checkChar', expected: creditCodeCheckChar(code.slice(0, 17)), actual: code[17]! };
  if (!code.startsWith(COOPERATIVE_CREDIT_CODE_PREFIX)) return { kind: 'notCooperative', prefix: code.slice(0, 2) };
  return null;
}
