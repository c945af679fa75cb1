import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Who acted; a request's actor (`Acting`) carries its request id, which the row keeps too. */
export interface Actor {
  id: string;
  role: string;
  requestId?: string;
}

export interface AuditEntry {
  actor: Actor | null;
  /** Verb in the past tense of the domain, e.g. `cooperative.verified`, `household.name_read`. */
  action: string;
  entityType: string;
  entityId?: string;
  /** Snapshots without PII: callers pass masked or omitted personal fields. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** Every admin and cooperative write, and every read of household PII, leaves a row here. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager so the audit row commits or rolls back with the change. */
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_account_id, actor_role, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.actor?.id ?? null,
        entry.actor?.role ?? null,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        entry.before ?? null,
        entry.after ?? null,
        entry.actor?.requestId ?? null,
      ],
    );
  }

  /** Newest first, keyset-paginated by id. */
  async list(query: { limit: number; cursor?: string; entityType?: string }): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT id::text, actor_account_id AS "actorAccountId", actor_role AS "actorRole", action, entity_type AS "entityType",
              entity_id AS "entityId", before, after, request_id AS "requestId", to_json(at)#>>'{}' AS at
         FROM audit_log
        WHERE ($1::bigint IS NULL OR id < $1::bigint) AND ($2::text IS NULL OR entity_type = $2)
        ORDER BY id DESC LIMIT $3`,
      [query.cursor ?? null, query.entityType ?? null, query.limit + 1],
    );
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}

export interface AuditRow {
  id: string;
  actorAccountId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  at: string;
}
