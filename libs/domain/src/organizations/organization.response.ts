import { ApiProperty } from '@nestjs/swagger';
import { Organization } from './organization.entity';

export class OrganizationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty() inn: string;
  @ApiProperty({ nullable: true, type: String }) ogrn: string | null;
  @ApiProperty({ nullable: true, type: String }) municipality: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;

  static from(o: Organization): OrganizationResponse {
    return {
      id: o.id,
      fullName: o.fullName,
      shortName: o.shortName,
      inn: o.inn,
      ogrn: o.ogrn,
      municipality: o.municipality,
      email: o.email,
      phone: o.phone,
    };
  }
}
