import type { CreateUserRequest } from '@chartdesk/contracts';
import { DomainError } from '@chartdesk/api-platform';
import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertAcceptablePassword } from '../passwords/password.service';
import type { UserRecord } from './user-record';
import { UsersRepository } from './users.repository';

/**
 * Inserts users: used by the admin API (temporary passwords), the demo seed
 * and test helpers. The password always passes the same policy.
 */
@Injectable()
export class UserProvisioningService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  async create(
    m: EntityManager,
    input: CreateUserRequest,
    password: string,
    opts: { mustChangePassword: boolean },
  ): Promise<UserRecord> {
    assertAcceptablePassword(password, input, 'password');
    const existing = (await m.query('SELECT 1 FROM app_user WHERE lower(username) = lower($1)', [
      input.username,
    ])) as unknown[];
    if (existing.length > 0) throw new DomainError('CONFLICT', 'That username is already taken.');
    if (input.teamId) await this.assertTeamExists(m, input.teamId);
    const now = this.clock.now();
    const rows = (await m
      .query(
        `INSERT INTO app_user (username, display_name, email, role, team_id, clearances, part2_training_date, specialties,
                             schedule, linked_patient_ids, password_hash, must_change_password, password_changed_at,
                             created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $13) RETURNING id`,
        [
          input.username,
          input.displayName,
          input.email,
          input.role,
          input.teamId ?? null,
          input.clearances ?? [],
          input.part2TrainingDate ?? null,
          input.specialties ?? [],
          input.schedule ? JSON.stringify(input.schedule) : null,
          input.linkedPatientIds ?? [],
          await this.hasher.hash(password),
          opts.mustChangePassword,
          now,
        ],
      )
      // Two admins creating the same name at once: the unique index decides, still a 409.
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505')
          throw new DomainError('CONFLICT', 'That username is already taken.');
        throw error;
      })) as { id: string }[];
    const user = rows[0] ? await this.users.findById(rows[0].id, m) : null;
    if (!user) throw new Error('user vanished after insert');
    return user;
  }

  async assertTeamExists(m: EntityManager, teamId: string): Promise<void> {
    const rows = (await m.query('SELECT 1 FROM team WHERE id = $1', [teamId])) as unknown[];
    if (rows.length === 0) {
      throw new BadRequestException({
        message: 'That team does not exist.',
        fieldErrors: { teamId: ['Unknown team'] },
      });
    }
  }
}
