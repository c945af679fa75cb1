import { chinaDay } from '@qh/domain';
import { useI18n } from 'vue-i18n';
import { useLocale } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { StatementSummary } from '../billing';

/** A statement's period and issue day in words, as the lists and the statement itself show them. */
export function useStatementDates() {
  const { t } = useI18n();
  const { locale } = useLocale();

  function period(statement: Pick<StatementSummary, 'periodFrom' | 'periodTo'>): string {
    const to = formatDate(statement.periodTo, locale.value);
    return statement.periodFrom
      ? t('statement.periodRange', { from: formatDate(statement.periodFrom, locale.value), to })
      : t('statement.periodUntil', { to });
  }

  /** The day in China it was issued: the month-end run issues just after midnight, still the day before in UTC. */
  function issuedOn(statement: Pick<StatementSummary, 'issuedAt'>): string {
    return formatDate(chinaDay(new Date(statement.issuedAt)), locale.value);
  }

  return { period, issuedOn };
}
