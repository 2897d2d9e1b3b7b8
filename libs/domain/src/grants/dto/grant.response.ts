import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GRANT_STATUSES, GrantStatus } from '../grant.entity';
import { REPORT_STATUSES, ReportStatus } from '../grant-report.entity';

const TITLE_EN = { description: 'English title; present only when one was given' };

export class GrantReportSummary {
  @ApiProperty({ example: 'interim' }) code: string;
  @ApiProperty({ example: 'Промежуточный отчёт' }) title: string;
  @ApiPropertyOptional(TITLE_EN) titleEn?: string;
  @ApiProperty({ format: 'date', example: '2027-06-30' }) dueDate: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ description: 'Never submitted and its due date (24:00 in the competition zone) has passed' })
  overdue: boolean;
}

export class GrantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() competitionTitle: string;
  @ApiProperty({ example: 'Asia/Krasnoyarsk' }) timezone: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ example: '2026-K7Q2M-0001' }) registrationNumber: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '250000.00' }) amount: string;
  @ApiProperty({ example: '50000.00' }) coFinancingAmount: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) projectStart: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) projectEnd: string | null;
  @ApiProperty({ enum: GRANT_STATUSES }) status: GrantStatus;
  @ApiProperty({ nullable: true, type: String }) agreementNumber: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) agreementDate: string | null;
  @ApiProperty({ nullable: true, type: String }) terminationReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [GrantReportSummary] }) reports: GrantReportSummary[];
}

export class GrantPageResponse {
  @ApiProperty({ type: [GrantResponse] }) items: GrantResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ReportResultResponse {
  @ApiProperty() indicator: string;
  @ApiProperty() target: string;
  @ApiProperty({ nullable: true, type: String }) achieved: string | null;
}

export class ReportExpenditureResponse {
  @ApiProperty() item: string;
  @ApiProperty({ example: '120000.00' }) planned: string;
  @ApiProperty({ nullable: true, type: String, example: '118500.00' }) spent: string | null;
}

export class ReportDocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Акты выполненных работ.pdf', description: 'As uploaded' }) fileName: string;
  @ApiProperty({ example: 48213, description: 'Bytes' }) size: number;
  @ApiProperty({ example: 'application/pdf', description: 'Decided from the file’s content' }) contentType: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;

  static from(d: {
    id: string;
    fileName: string;
    size: number | string;
    contentType: string;
    sha256: string;
    uploadedAt: Date;
  }): ReportDocumentResponse {
    return {
      id: d.id,
      fileName: d.fileName,
      size: Number(d.size),
      contentType: d.contentType,
      sha256: d.sha256,
      uploadedAt: d.uploadedAt.toISOString(),
    };
  }
}

export class ReportDocumentUploadBody {
  @ApiProperty({ type: 'string', format: 'binary', description: 'At most UPLOAD_MAX_MB (default 20) MB' })
  file: unknown;
}

export class GrantReportResponse extends GrantReportSummary {
  @ApiProperty({ format: 'uuid' }) grantId: string;
  @ApiProperty({ nullable: true, type: String }) narrative: string | null;
  @ApiProperty({ type: [ReportResultResponse] }) results: ReportResultResponse[];
  @ApiProperty({ type: [ReportExpenditureResponse] }) expenditures: ReportExpenditureResponse[];
  @ApiProperty({ example: '250000.00', description: 'Sum of the planned lines' }) plannedTotal: string;
  @ApiProperty({ example: '231000.00', description: 'Sum of the spent amounts given so far' }) spentTotal: string;
  @ApiProperty({
    example: '300000.00',
    description: 'The grant amount plus co-financing: a spent total above it is refused at submit',
  })
  spendingLimit: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstSubmittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The comment of the last return or acceptance' })
  reviewComment: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [ReportDocumentResponse], description: 'Files attached to the report' })
  documents: ReportDocumentResponse[];
}

export class PublicGrantResult {
  @ApiProperty() indicator: string;
  @ApiProperty() target: string;
  @ApiProperty({ nullable: true, type: String }) achieved: string | null;
}

/** The public project card: what the Presidential Grants Fund publishes about a project. */
export class PublicGrantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() competitionTitle: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: '2026-K7Q2M-0001' }) registrationNumber: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty() organizationName: string;
  @ApiProperty({ example: '2466000000' }) inn: string;
  @ApiProperty({ example: '250000.00' }) amount: string;
  @ApiProperty({ example: '50000.00' }) coFinancingAmount: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) projectStart: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) projectEnd: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) agreementDate: string | null;
  @ApiProperty({ enum: GRANT_STATUSES }) status: GrantStatus;
  @ApiProperty({
    nullable: true,
    type: [PublicGrantResult],
    description: 'The achieved results, once the final report is accepted; null before',
  })
  results: PublicGrantResult[] | null;
}
