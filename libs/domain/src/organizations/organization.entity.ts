import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') fullName: string;
  @Column('text', { nullable: true }) shortName: string | null;
  @Column('varchar') inn: string;
  @Column('varchar', { nullable: true }) ogrn: string | null;
  @Column('text', { nullable: true }) municipality: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
