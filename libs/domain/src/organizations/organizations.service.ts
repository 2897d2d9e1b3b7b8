import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { OrganizationResponse } from './organization.response';
import { Organization } from './organization.entity';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  /** Admins and consultants see any organization; an applicant only its own (experts are refused by the controller's roles). */
  async get(actor: Actor, id: string): Promise<OrganizationResponse> {
    const visible = actor.role === 'admin' || actor.role === 'consultant' || actor.organizationId === id;
    const org = visible ? await this.organizations.findOneBy({ id }) : null;
    if (!org) throw notFound('Organization');
    return OrganizationResponse.from(org);
  }
}
