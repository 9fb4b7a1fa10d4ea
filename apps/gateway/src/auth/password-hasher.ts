import { Injectable } from '@nestjs/common';
import { compare, hash } from 'bcryptjs';

const COST = 10;

/** bcrypt behind a seam. `verifyAgainstNothing` costs the same as a real check (no user-enumeration by timing). */
@Injectable()
export class PasswordHasher {
  private readonly decoy = hash('decoy-password-for-unknown-users', COST);

  hash(password: string): Promise<string> {
    return hash(password, COST);
  }

  verify(password: string, passwordHash: string): Promise<boolean> {
    return compare(password, passwordHash);
  }

  async verifyAgainstNothing(password: string): Promise<false> {
    await compare(password, await this.decoy);
    return false;
  }
}
