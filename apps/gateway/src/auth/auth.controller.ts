import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors';
import { AccessTokenDto, UserDto } from './dto/auth-responses.dto';
import { LoginDto, RegisterDto } from './dto/credentials.dto';
import { Public } from './public.decorator';
import { LogIn } from './use-cases/log-in.use-case';
import { RegisterUser } from './use-cases/register-user.use-case';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly logIn: LogIn,
  ) {}

  @Post('register')
  @ApiOperation({ summary: 'Create an account.' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 409)
  register(@Body() body: RegisterDto): Promise<UserDto> {
    return this.registerUser.execute(body);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange email and password for a bearer token.' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(400, 401)
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.logIn.execute(body);
  }
}
