import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@grants/config';
import {
  AcceptedResponse,
  AcceptInvitationDto,
  AccountsService,
  Actor,
  AuthResponse,
  AuthService,
  LoginDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RegisterDto,
  TokenDto,
  UserResponse,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { CurrentActor, Public } from '../common/roles.decorator';
import { clearSessionCookie, startSession } from '../common/session-cookie';

const SESSION_NOTE = 'Also sets the httpOnly cookie `grants_session` (the same token) for browsers.';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
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

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AcceptedResponse, description: 'The same answer whether or not the email exists' })
  @ApiDoc('Mail a password reset link (valid 1 hour, single use)', 'public', {
    400: true,
    429: 'TOO_MANY_REQUESTS: too many sign-in requests from this client',
  })
  async passwordReset(@Body() dto: PasswordResetRequestDto, @Req() request: FastifyRequest): Promise<AcceptedResponse> {
    await this.auth.throttleClient(request.ip);
    await this.accounts.requestPasswordReset(dto.email);
    return {};
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponse, description: SESSION_NOTE })
  @ApiDoc('Set a new password with the mailed token; every older token of the user stops working', 'public', {
    400: true,
    422: 'TOKEN_INVALID: unknown, expired or used token',
  })
  async confirmPasswordReset(
    @Body() dto: PasswordResetConfirmDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    return this.session(reply, await this.accounts.confirmPasswordReset(dto));
  }

  @Public()
  @Post('verify-email')
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponse })
  @ApiDoc('Confirm the email address with the mailed token', 'public', {
    400: true,
    422: 'TOKEN_INVALID: unknown, expired or used token',
  })
  verifyEmail(@Body() dto: TokenDto): Promise<UserResponse> {
    return this.accounts.verifyEmail(dto.token);
  }

  @Post('verify-email/resend')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AcceptedResponse, description: 'At most one mail a minute; none once confirmed' })
  @ApiDoc('Mail the email confirmation link again', 'user', {
    403: 'CSRF_REJECTED: a cookie request from a foreign origin',
  })
  async resendVerification(@CurrentActor() actor: Actor): Promise<AcceptedResponse> {
    await this.accounts.resendVerification(actor);
    return {};
  }

  @Public()
  @Post('accept-invitation')
  @ApiCreatedResponse({ type: AuthResponse, description: SESSION_NOTE })
  @ApiDoc('Join an organization with the mailed invitation: a new applicant, email confirmed', 'public', {
    400: true,
    409: 'EMAIL_TAKEN: an account with this email exists already',
    422: 'TOKEN_INVALID: unknown, expired or used invitation',
  })
  async acceptInvitation(
    @Body() dto: AcceptInvitationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthResponse> {
    return this.session(reply, await this.accounts.acceptInvitation(dto));
  }

  /** Sets the session cookie (and no-store) on a response that carries a token. */
  private session(reply: FastifyReply, response: AuthResponse): AuthResponse {
    startSession(reply, this.auth, this.config, response.accessToken);
    return response;
  }
}
