import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LAST_FINISHED_DAY } from './china-day';

/** One entry as one line of text, every column in a fixed order: what the day's hash is taken over. */
const CANONICAL_LINE = `concat_ws('|', e.id, e.kind, e.order_id, e.order_line_id, coalesce(e.refund_id::text, '-'), e.buyer_id,
  e.cooperative_id, e.township_code, e.category, e.quantity, e.linked_sales_fen, e.pool_fen,
  to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.day)`;

/** The figures of each day from `$1` to `$2` (and meeting `also`) as the ledger holds them now. */
const dayFigures = (also = 'true') => `SELECT to_char(e.day, 'YYYY-MM-DD') AS day, count(*)::int AS entries,
    sum(e.linked_sales_fen) AS "linkedSalesFen", sum(e.pool_fen) AS "poolFen",
    encode(sha256(convert_to(string_agg(${CANONICAL_LINE}, E'\\n' ORDER BY e.id), 'UTF8')), 'hex') AS sha256
  FROM attribution_entry e WHERE e.day BETWEEN $1::date AND $2::date AND ${also} GROUP BY e.day`;

const INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The trail after the ledger, digested the same way: each stream's rows of a day (by the day they
 * were recorded), every column in a fixed order, in id order. A payout's statement shares are part of its line.
 */
export const TRAIL_STREAMS = {
  coop_payout: {
    line: `concat_ws('|', r.id, r.cooperative_id, r.amount_fen, r.paid_on, r.bank_reference, coalesce(r.note, '-'), coalesce(r.reverses_id::text, '-'),
      r.recorded_by, ${INSTANT('r.created_at')}, r.day,
      (SELECT string_agg(s.month::text || ':' || s.amount_fen, ',' ORDER BY s.month) FROM coop_payout_statement s WHERE s.payout_id = r.id))`,
    amount: 'r.amount_fen',
    order: 'r.id',
  },
  coop_payout_response: {
    line: `concat_ws('|', r.id, r.payout_id, r.kind, coalesce(r.reason, '-'), r.responded_by, ${INSTANT('r.created_at')}, r.day)`,
    amount: '0',
    order: 'r.id',
  },
  household_payout: {
    line: `concat_ws('|', r.id, r.cooperative_id, r.household_id, r.period, r.amount_fen, r.method, r.reference, coalesce(r.receipt_sha256, '-'),
      r.paid_on, coalesce(r.reverses_id::text, '-'), r.township_code, r.household_status, r.recorded_by, ${INSTANT('r.created_at')}, r.day)`,
    amount: 'r.amount_fen',
    order: 'r.id',
  },
  payout_ack: {
    line: `concat_ws('|', r.payout_id, r.acknowledged_by, r.visited_on, coalesce(r.note, '-'), ${INSTANT('r.created_at')}, r.day)`,
    amount: '0',
    order: 'r.payout_id',
  },
} as const;
export type TrailStream = keyof typeof TRAIL_STREAMS;

/** One stream's figures of each day from `$1` to `$2` (and meeting `also`), as its rows are now. */
const streamFigures = (stream: TrailStream, also = 'true') => {
  const { line, amount, order } = TRAIL_STREAMS[stream];
  return `SELECT '${stream}' AS stream, to_char(r.day, 'YYYY-MM-DD') AS day, count(*)::int AS entries, sum(${amount}) AS "amountFen",
      encode(sha256(convert_to(string_agg(${line}, E'\n' ORDER BY ${order}), 'UTF8')), 'hex') AS sha256
    FROM ${stream} r WHERE r.day BETWEEN $1::date AND $2::date AND ${also} GROUP BY r.day`;
};

export interface StreamDayFigures {
  stream: TrailStream;
  day: string;
  entries: number;
  amountFen: number;
  sha256: string;
}

export interface DayFigures {
  day: string;
  entries: number;
  linkedSalesFen: number;
  poolFen: number;
  sha256: string;
}

export interface VerifyReport {
  from: string;
  to: string;
  /** Days that have a digest, all recomputed. */
  checkedDays: number;
  /** Days whose entries no longer match their digest: changed, removed or added after the fact. */
  mismatches: { day: string; recorded: DayFigures; recomputed: DayFigures | null }[];
  /** Days with entries but no digest yet (today, or before the digest job's next run). */
  undigestedDays: string[];
  /** The trail's days (payouts, their answers, acknowledgements) whose rows no longer match their digest. */
  trailMismatches: { stream: TrailStream; day: string; recorded: StreamDayFigures; recomputed: StreamDayFigures | null }[];
}

/** The latest check of every digested day, as the job stored it. */
export interface StoredVerification {
  checkedAt: string;
  from: string;
  to: string;
  checkedDays: number;
  mismatchedDays: string[];
}

/**
 * The ledger's daily fingerprint. Once a day is over (in China, with a few minutes' grace for
 * transactions still committing), its entries' count, sums and SHA-256 are written down; verifying
 * recomputes them from the entries, so a row changed behind the append-only trigger's back (by a
 * superuser who disabled it) shows up as a day that no longer matches.
 */
@Injectable()
export class LedgerDigestService {
  private readonly logger = new Logger(LedgerDigestService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The job: digests every finished day that has entries and no digest yet. Returns how many days. */
  async digestFinishedDays(): Promise<number> {
    const [{ last }] = await this.dataSource.query(`SELECT ${LAST_FINISHED_DAY} AS last`);
    return this.digestThrough(last);
  }

  /**
   * The hourly job: digests the finished days, then checks every digested day against the ledger
   * once a new day has been digested, or when the last check is a day old, and keeps the outcome.
   */
  async digestAndVerify(): Promise<void> {
    await this.digestFinishedDays();
    const [due] = await this.dataSource.query(
      `SELECT 1 FROM ledger_digest d
        WHERE NOT EXISTS (SELECT 1 FROM ledger_verification v WHERE v.to_day >= d.day AND v.checked_at > qh_now() - interval '1 day')
        LIMIT 1`,
    );
    if (due) await this.verifyAndRecord();
  }

  /** Checks every digested day (a whole read of the ledger: seconds at a million orders) and stores the outcome. */
  async verifyAndRecord(): Promise<StoredVerification | null> {
    const [range] = await this.dataSource.query(
      `SELECT to_char(min(day), 'YYYY-MM-DD') AS "from", to_char(max(day), 'YYYY-MM-DD') AS "to" FROM ledger_digest`,
    );
    if (!range.from) return null;
    const report = await this.verify(range.from, range.to);
    const mismatchedDays = [...new Set([...report.mismatches, ...report.trailMismatches].map((mismatch) => mismatch.day))].sort();
    if (mismatchedDays.length) this.logger.error({ days: mismatchedDays }, 'ledger days no longer match their digests');
    await this.dataSource.query(
      `INSERT INTO ledger_verification (from_day, to_day, checked_days, mismatched_days) VALUES ($1, $2, $3, $4::date[])`,
      [report.from, report.to, report.checkedDays, mismatchedDays],
    );
    return this.latestVerification();
  }

  async latestVerification(): Promise<StoredVerification | null> {
    const [latest] = await this.dataSource.query(
      `SELECT to_char(checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "checkedAt", to_char(from_day, 'YYYY-MM-DD') AS "from",
              to_char(to_day, 'YYYY-MM-DD') AS "to", checked_days AS "checkedDays",
              array(SELECT to_char(day, 'YYYY-MM-DD') FROM unnest(mismatched_days) AS day ORDER BY day) AS "mismatchedDays"
         FROM ledger_verification ORDER BY id DESC LIMIT 1`,
    );
    return latest ?? null;
  }

  /** Digests the days up to and including `lastDay` that have none; an existing digest is never rewritten. */
  async digestThrough(lastDay: string): Promise<number> {
    const written: unknown[] = await this.dataSource.query(
      // Only the days without a digest are read: the hourly run costs nothing once a day is done.
      `WITH figures AS (${dayFigures('NOT EXISTS (SELECT 1 FROM ledger_digest d WHERE d.day = e.day)')})
       INSERT INTO ledger_digest (day, entries, linked_sales_fen, pool_fen, sha256)
       SELECT f.day::date, f.entries, f."linkedSalesFen", f."poolFen", f.sha256 FROM figures f
       ON CONFLICT (day) DO NOTHING RETURNING day`,
      [await this.firstUndigestedDay(), lastDay],
    );
    if (written.length) this.logger.log({ days: written.length, through: lastDay }, 'ledger days digested');
    await this.digestTrailThrough(lastDay);
    return written.length;
  }

  /** The trail's streams, digested up to `lastDay` like the ledger: each day once, never rewritten. */
  private async digestTrailThrough(lastDay: string): Promise<void> {
    for (const stream of Object.keys(TRAIL_STREAMS) as TrailStream[]) {
      const [{ first }] = await this.dataSource.query(
        `SELECT to_char(coalesce(max(day) + 1, '2000-01-01'::date), 'YYYY-MM-DD') AS first FROM trail_digest WHERE stream = $1`,
        [stream],
      );
      await this.dataSource.query(
        `WITH figures AS (${streamFigures(stream)})
         INSERT INTO trail_digest (stream, day, entries, amount_fen, sha256)
         SELECT f.stream, f.day::date, f.entries, f."amountFen", f.sha256 FROM figures f
         ON CONFLICT (stream, day) DO NOTHING`,
        [first, lastDay],
      );
    }
  }

  /**
   * Entries are dated the day they are written, so no day before the last digested one can gain
   * entries: looking from the day after it keeps the hourly run from reading the whole ledger.
   */
  private async firstUndigestedDay(): Promise<string> {
    const [{ day }] = await this.dataSource.query(
      `SELECT to_char(coalesce(max(day) + 1, '2000-01-01'::date), 'YYYY-MM-DD') AS day FROM ledger_digest`,
    );
    return day;
  }

  async verify(from: string, to: string): Promise<VerifyReport> {
    const [recomputedRows, recordedRows] = await Promise.all([
      this.dataSource.query(dayFigures(), [from, to]) as Promise<DayFigures[]>,
      this.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, entries, linked_sales_fen AS "linkedSalesFen", pool_fen AS "poolFen", sha256
           FROM ledger_digest WHERE day BETWEEN $1::date AND $2::date ORDER BY day`,
        [from, to],
      ) as Promise<DayFigures[]>,
    ]);
    const recomputed = new Map(recomputedRows.map((row) => [row.day, row]));
    const mismatches = recordedRows
      .filter((recorded) => {
        const now = recomputed.get(recorded.day);
        return !now || now.sha256 !== recorded.sha256 || now.entries !== recorded.entries;
      })
      .map((recorded) => ({ day: recorded.day, recorded, recomputed: recomputed.get(recorded.day) ?? null }));
    const digested = new Set(recordedRows.map((row) => row.day));
    return {
      trailMismatches: await this.verifyTrail(from, to),
      from,
      to,
      checkedDays: recordedRows.length,
      mismatches,
      undigestedDays: recomputedRows
        .map((row) => row.day)
        .filter((day) => !digested.has(day))
        .sort(),
    };
  }

  /** Each trail stream's digested days from `from` to `to`, recomputed: the days that no longer match. */
  private async verifyTrail(from: string, to: string): Promise<VerifyReport['trailMismatches']> {
    const streams = Object.keys(TRAIL_STREAMS) as TrailStream[];
    const [recomputedRows, recordedRows] = await Promise.all([
      this.dataSource.query(streams.map((stream) => streamFigures(stream)).join(' UNION ALL '), [from, to]) as Promise<StreamDayFigures[]>,
      this.dataSource.query(
        `SELECT stream, to_char(day, 'YYYY-MM-DD') AS day, entries, amount_fen AS "amountFen", sha256
           FROM trail_digest WHERE day BETWEEN $1::date AND $2::date ORDER BY day, stream`,
        [from, to],
      ) as Promise<StreamDayFigures[]>,
    ]);
    const recomputed = new Map(recomputedRows.map((row) => [`${row.stream}/${row.day}`, row]));
    return recordedRows
      .map((recorded) => ({ recorded, now: recomputed.get(`${recorded.stream}/${recorded.day}`) ?? null }))
      .filter(({ recorded, now }) => !now || now.sha256 !== recorded.sha256 || now.entries !== recorded.entries)
      .map(({ recorded, now }) => ({ stream: recorded.stream, day: recorded.day, recorded, recomputed: now }));
  }
}
