import { useI18n } from 'vue-i18n';
import { wordProblem } from '../trail';

/** The money trail's problems and columns in the reader's language. */
export function useTrailWords() {
  const { t, te } = useI18n();

  /** A problem the API named with a payout, worded for the reader when the portal knows it, else as sent. */
  function problemText(problem: string): string {
    const worded = wordProblem(problem);
    return worded ? t(worded.key, worded.params ?? {}) : problem;
  }

  /** A field's problems, worded, each once (the API may name several broken rules that read the same). */
  function problemsText(problems: readonly string[]): string {
    return [...new Set(problems.map(problemText))].join(t('orders.separator'));
  }

  /** A column of the payout file by its name in the reader's language, with the name the file uses. */
  function columnName(column: string): string {
    const key = `coopTrail.import.columns.${column}`;
    return te(key) ? t('coopTrail.import.columnNamed', { name: t(key), column }) : column;
  }

  return { problemText, problemsText, columnName };
}
