import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@qh/domain';

@Entity('account')
@Index('account_email_key', { synchronize: false })
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'cooperative_id', type: 'uuid', nullable: true })
  cooperativeId: string | null;

  /** A township official's townships (codes); null for everyone else, officials of the whole county included. */
  @Column({ type: 'varchar', length: 12, array: true, nullable: true })
  townships: string[] | null;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'qh_now()' })
  createdAt: Date;
}
