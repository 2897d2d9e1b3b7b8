import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Locale, Role } from '../shared/roles';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { select: false }) passwordHash: string;
  @Column('text') fullName: string;
  @Column('varchar') role: Role;
  @Column('varchar') locale: Locale;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @Column('boolean', { default: true }) active: boolean;
  @Column('timestamptz', { nullable: true }) emailVerifiedAt: Date | null;
  /** Raised on password change/reset, deactivation and logout everywhere: tokens of older versions stop working. */
  @Column('int', { default: 0 }) sessionVersion: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
