import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { USER_COLUMNS, USER_FROM, type UserRecord, toUserRecord } from './user-record';

/** SQL for app_user. Usernames compare case-insensitively through the lower(username) unique index. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<UserRecord | null> {
    const rows = (await manager.query(
      `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.id = $1${forUpdate ? ' FOR UPDATE OF u' : ''}`,
      [id],
    )) as Record<string, unknown>[];
    return rows[0] ? toUserRecord(rows[0]) : null;
  }

  async findByUsername(username: string, manager: EntityManager = this.dataSource.manager): Promise<UserRecord | null> {
    const rows = (await manager.query(`SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE lower(u.username) = lower($1)`, [
      username,
    ])) as Record<string, unknown>[];
    return rows[0] ? toUserRecord(rows[0]) : null;
  }

  /** Linked patient identifiers, for the record policies that refuse a coder their own and relatives' charts. */
  async linkedPatientIds(userId: string): Promise<string[]> {
    const rows = (await this.dataSource.query('SELECT linked_patient_ids FROM app_user WHERE id = $1', [userId])) as {
      linked_patient_ids: string[];
    }[];
    return rows[0]?.linked_patient_ids ?? [];
  }
}
