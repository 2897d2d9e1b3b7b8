import { DocumentType } from '../competitions/competition.entity';

/** What a competition asks for unless its admin says otherwise (API.md): the charter is required. */
export const DEFAULT_DOCUMENT_TYPES: readonly DocumentType[] = [
  { code: 'charter', title: 'Устав организации', titleEn: 'Charter of the organization', required: true },
  { code: 'budget', title: 'Смета проекта', titleEn: 'Project budget', required: false },
  { code: 'letters', title: 'Письма поддержки', titleEn: 'Letters of support', required: false },
  { code: 'other', title: 'Иные документы', titleEn: 'Other documents', required: false },
];
