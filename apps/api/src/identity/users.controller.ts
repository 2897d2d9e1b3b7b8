import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CreateUserDto,
  OrganizationResponse,
  OrganizationsService,
  UserListQuery,
  UserResponse,
  UsersService,
} from '@grants/domain';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Get('me')
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(actor.id);
  }

  @Post('users')
  @Roles('admin')
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(actor, dto);
  }

  @Get('users')
  @Roles('admin')
  list(@Query() query: UserListQuery) {
    return this.users.list(query);
  }

  @Get('organizations/:id')
  @Roles('applicant', 'consultant', 'admin')
  @ApiOkResponse({ type: OrganizationResponse })
  organization(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OrganizationResponse> {
    return this.organizations.get(actor, id);
  }
}
