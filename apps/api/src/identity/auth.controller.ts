import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@grants/config';
import { Actor, AuthResponse, AuthService, LoginDto, RegisterDto } from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { CurrentActor, Public } from '../common/roles.decorator';
import { clearSessionCookie, setSessionCookie } from '../common/session-cookie';

const SESSION_NOTE = 'Also sets the httpOnly cookie `grants_session` (the same token) for browsers.';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @ApiCreatedResponse({ type: AuthResponse, description: SESSION_NOTE })
  @ApiDoc('Register an NGO with its first applicant', 'public', {
    400: 'VALIDATION_FAILED: invalid fields, including a bad INN/OGRN checksum',
    409: 'EMAIL_TAKEN, INN_TAKEN',
    429: 'TOO_MANY_REQUESTS: too many sign-in requests from this client',
  })
  async register(
    @Body() dto: RegisterDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    await this.auth.throttleClient(request.ip);
    return this.session(reply, await this.auth.register(dto));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponse, description: SESSION_NOTE })
  @ApiDoc('Log in with email and password', 'public', {
    400: true,
    401: 'UNAUTHORIZED: wrong email or password, or a deactivated user',
    429: 'TOO_MANY_REQUESTS: 5 failed logins for this email within 15 minutes, or too many requests from this client',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    await this.auth.throttleClient(request.ip);
    return this.session(reply, await this.auth.login(dto));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session cookie is cleared' })
  @ApiDoc('Log out of this browser', 'user', { 403: 'CSRF_REJECTED: a cookie request from a foreign origin' })
  logout(@Res({ passthrough: true }) reply: FastifyReply): void {
    clearSessionCookie(reply, this.config);
  }

  @Post('logout-everywhere')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every token of this user issued before now stops working' })
  @ApiDoc('Log out on every device', 'user', { 403: 'CSRF_REJECTED: a cookie request from a foreign origin' })
  async logoutEverywhere(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logoutEverywhere(actor);
    clearSessionCookie(reply, this.config);
  }

  /** Sets the session cookie (and no-store) on a response that carries a token. */
  private session(reply: FastifyReply, response: AuthResponse): AuthResponse {
    const { exp, iat } = this.auth.verify(response.accessToken);
    setSessionCookie(reply, this.config, response.accessToken, Math.max(0, (exp ?? 0) - (iat ?? 0)));
    return response;
  }
}
