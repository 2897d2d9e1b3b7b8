import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
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
import { uuidParam } from '../common/validation';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

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
