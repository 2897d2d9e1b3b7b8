import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthResponse, AuthService, LoginDto, RegisterDto } from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { Public } from '../common/roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @ApiCreatedResponse({ type: AuthResponse })
  @ApiDoc('Register an NGO with its first applicant', 'public', {
    400: 'VALIDATION_FAILED: invalid fields, including a bad INN/OGRN checksum',
    409: 'EMAIL_TAKEN, INN_TAKEN',
  })
  register(@Body() dto: RegisterDto): Promise<AuthResponse> {
    return this.auth.register(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponse })
  @ApiDoc('Log in with email and password', 'public', {
    400: true,
    401: 'UNAUTHORIZED: wrong email or password',
    429: 'TOO_MANY_REQUESTS: 5 failed logins for this email within 15 minutes',
  })
  login(@Body() dto: LoginDto): Promise<AuthResponse> {
    return this.auth.login(dto);
  }
}
