import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor } from '../shared/roles';
import { Page, pageOf } from '../shared/pagination';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryResponse } from './dto/audit-entry.response';

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

  async list(q: { page: number; pageSize: number }): Promise<Page<AuditEntryResponse>> {
    const [rows, total] = await this.entries.findAndCount({
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
