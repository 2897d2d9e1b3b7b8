import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '@grants/config';
import {
  AccountsService,
  AuthService,
  ChangePasswordDto,
  InvitationDto,
  InvitationResponse,
  MembersResponse,
  MembersService,
  UpdateOrganizationDto,
  UpdateProfileDto,
  UpdateUserDto,
  Actor,
  CreateUserDto,
  OrganizationResponse,
  OrganizationsService,
  UserListQuery,
  UserPageResponse,
  UserResponse,
  UsersService,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import type { AuthedRequest } from '../common/auth.guard';
import { startSession } from '../common/session-cookie';
import { uuidParam } from '../common/validation';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly accounts: AccountsService,
    private readonly members: MembersService,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Patch('me')
  @ApiOkResponse({ type: UserResponse })
  @ApiDoc('Change the signed-in user’s name or language', 'user', {
    400: true,
    403: 'CSRF_REJECTED: a cookie request from a foreign origin',
  })
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<UserResponse> {
    return this.accounts.updateProfile(actor, dto);
  }

  @Post('me/password')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Every other token of the user stops working; a cookie session gets a new cookie and goes on',
  })
  @ApiDoc('Change the password', 'user', {
    400: true,
    403: 'CSRF_REJECTED: a cookie request from a foreign origin',
    422: 'WRONG_PASSWORD: the current password is wrong',
  })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() request: AuthedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const session = await this.accounts.changePassword(actor, dto);
    if (request.viaCookie) startSession(reply, this.auth, this.config, session.accessToken);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOkResponse({ type: UserResponse })
  @ApiDoc('Change a user’s name, language or active flag (deactivation ends its sessions)', 'roles', {
    400: true,
    404: true,
    422: 'INVALID_TRANSITION: an admin cannot deactivate itself',
  })
  updateUser(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.accounts.updateUser(actor, id, dto);
  }

  @Patch('organizations/:id')
  @Roles('applicant', 'admin')
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiDoc('Change the organization’s details (its own applicants, admins); the INN cannot change', 'roles', {
    400: 'VALIDATION_FAILED: invalid fields, `inn` among them',
    404: true,
  })
  updateOrganization(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateOrganizationDto,
  ): Promise<OrganizationResponse> {
    return this.members.update(actor, id, dto);
  }

  @Get('organizations/:id/members')
  @Roles('applicant', 'admin')
  @ApiOkResponse({ type: MembersResponse })
  @ApiDoc('The organization’s active members and pending invitations', 'roles', { 400: true, 404: true })
  organizationMembers(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<MembersResponse> {
    return this.members.members(actor, id);
  }

  @Post('organizations/:id/invitations')
  @Roles('applicant')
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiDoc('Invite a colleague by mail (link valid 7 days)', 'roles', {
    400: true,
    404: true,
    409: 'EMAIL_TAKEN: the email already has an account',
  })
  invite(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: InvitationDto,
  ): Promise<InvitationResponse> {
    return this.members.invite(actor, id, dto.email);
  }

  @Delete('organizations/:id/members/:userId')
  @Roles('applicant', 'admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The member is deactivated; its sessions end' })
  @ApiDoc('Remove a member of the organization', 'roles', {
    400: true,
    404: true,
    422: 'LAST_MEMBER: the last active member cannot be removed',
  })
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('userId', uuidParam('userId')) userId: string,
  ): Promise<void> {
    await this.members.remove(actor, id, userId);
  }

  @Get('me')
  @ApiOkResponse({ type: UserResponse })
  @ApiDoc('The signed-in user', 'user')
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(actor.id);
  }

  @Post('users')
  @Roles('admin')
  @ApiCreatedResponse({ type: UserResponse })
  @ApiDoc('Create a consultant, expert or admin', 'roles', { 400: true, 409: 'EMAIL_TAKEN' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(actor, dto);
  }

  @Get('users')
  @Roles('admin')
  @ApiDoc('List users, optionally by role', 'roles', { 400: true })
  @ApiOkResponse({ type: UserPageResponse })
  list(@Query() query: UserListQuery): Promise<UserPageResponse> {
    return this.users.list(query);
  }

  @Get('organizations/:id')
  @Roles('applicant', 'consultant', 'admin')
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiDoc('An organization (admins, consultants, its own applicants)', 'roles', { 400: true, 404: true })
  organization(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<OrganizationResponse> {
    return this.organizations.get(actor, id);
  }
}
