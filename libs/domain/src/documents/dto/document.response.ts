import { ApiProperty } from '@nestjs/swagger';
import { ApplicationDocument } from '../application-document.entity';

export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'charter', description: 'One of the competition’s document type codes' }) type: string;
  @ApiProperty({ example: 'Устав АНО «Наш город».pdf', description: 'As uploaded' }) fileName: string;
  @ApiProperty({ example: 48213, description: 'Bytes' }) size: number;
  @ApiProperty({ example: 'application/pdf', description: 'Decided from the file’s content' }) contentType: string;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;

  static from(d: ApplicationDocument): DocumentResponse {
    return {
      id: d.id,
      type: d.type,
      fileName: d.fileName,
      size: d.size,
      contentType: d.contentType,
      sha256: d.sha256,
      uploadedAt: d.uploadedAt.toISOString(),
    };
  }
}

export class DocumentListResponse {
  @ApiProperty({ type: [DocumentResponse] }) items: DocumentResponse[];
}

/** The multipart body of an upload, as the OpenAPI document describes it. */
export class DocumentUploadBody {
  @ApiProperty({ example: 'charter', description: 'One of the competition’s document type codes' }) type: string;
  @ApiProperty({ type: 'string', format: 'binary', description: `At most UPLOAD_MAX_MB (default 20) MB` })
  file: unknown;
}
