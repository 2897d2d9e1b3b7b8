import { ApiProperty } from '@nestjs/swagger';
import { Locale, Role } from '../../shared/roles';
import { User } from '../user.entity';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['applicant', 'consultant', 'expert', 'admin'] }) role: Role;
  @ApiProperty({ enum: ['ru', 'en'] }) locale: Locale;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) organizationId: string | null;
  @ApiProperty({ description: 'Whether the person confirmed the email address (it blocks nothing)' })
  emailVerified: boolean;
  @ApiProperty({ description: 'A deactivated user cannot log in and its tokens stop working' }) active: boolean;

  static from(u: User): UserResponse {
    return {
      id: u.id,
      email: u.email,
      fullName: u.fullName,
      role: u.role,
      locale: u.locale,
      organizationId: u.organizationId,
      emailVerified: !!u.emailVerifiedAt,
      active: u.active ?? true,
    };
  }
}

export class AuthResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
