import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An expert's declared tie to an organization: never assigned its applications. */
@Entity('expert_conflicts')
export class ExpertConflict {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') expertId: string;
  @Column('uuid') organizationId: string;
  @Column('text') reason: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
