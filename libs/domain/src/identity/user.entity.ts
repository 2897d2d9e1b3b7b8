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
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
