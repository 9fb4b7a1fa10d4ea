import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ email });
  }

  /** Inserts the user unless the email is taken; null when it was (race-safe: the unique key decides). */
  async insertIfEmailFree(email: string, passwordHash: string): Promise<User | null> {
    const result = await this.dataSource.createQueryBuilder().insert().into(User).values({ email, passwordHash }).orIgnore().returning(['id']).execute();
    const rows = result.raw as Array<{ id: string }>;
    if (rows.length === 0) return null;
    return this.dataSource.getRepository(User).findOneByOrFail({ id: rows[0].id });
  }
}
