// Deliberately loose: the server is the judge; this only catches obvious typos before a round trip.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with an email typed into the login or sign-up form, if anything. */
export function emailProblem(typed: string): 'emailRequired' | 'emailInvalid' | null {
  const value = typed.trim();
  if (value === '') return 'emailRequired';
  return EMAIL_PATTERN.test(value) ? null : 'emailInvalid';
}
