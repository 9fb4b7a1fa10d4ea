import { ConflictException, Injectable } from '@nestjs/common';
import { RegisterDto } from '../dto/credentials.dto';
import { UserDto } from '../dto/auth-responses.dto';
import { PasswordHasher } from '../password-hasher';
import { UsersRepository } from '../users.repository';

@Injectable()
export class RegisterUser {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(input: RegisterDto): Promise<UserDto> {
    const email = input.email.trim().toLowerCase();
    const user = await this.users.insertIfEmailFree(email, await this.hasher.hash(input.password));
    if (!user) throw new ConflictException('An account with this email already exists');
    return { id: user.id, email: user.email, createdAt: user.createdAt.toISOString() };
  }
}
