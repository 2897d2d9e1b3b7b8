import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, LessThan, MoreThanOrEqual, And, Repository } from 'typeorm';
import { Actor } from '../shared/roles';
import { Page, pageOf } from '../shared/pagination';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryResponse, AuditListQuery } from './dto/audit-entry.response';

/** Admin actions, written in the transaction of the action itself. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(
    manager: EntityManager,
    actor: Actor,
    action: string,
    target: string,
    details?: Record<string, unknown>,
  ) {
    if (actor.role !== 'admin') return;
    await manager.insert(AuditEntry, { actorId: actor.id, action, target, details: (details ?? null) as never });
  }

  async list(q: AuditListQuery): Promise<Page<AuditEntryResponse>> {
    const where: FindOptionsWhere<AuditEntry> = {};
    if (q.action) where.action = q.action;
    if (q.actorId) where.actorId = q.actorId;
    const from = q.from ? MoreThanOrEqual(new Date(q.from)) : undefined;
    const to = q.to ? LessThan(new Date(q.to)) : undefined;
    if (from && to) where.at = And(from, to);
    else if (from || to) where.at = from ?? to;
    const [rows, total] = await this.entries.findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(
      rows.map((r) => ({ actorId: r.actorId, action: r.action, target: r.target, at: r.at.toISOString() })),
      total,
      q,
    );
  }
}
