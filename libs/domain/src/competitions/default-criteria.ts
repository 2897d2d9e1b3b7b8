import { Criterion } from './competition.entity';

/** The Presidential Grants Fund methodology: ten criteria, 0–10 points each, weights summing to 10. */
export const DEFAULT_CRITERIA: Criterion[] = [
  { code: 'relevance', title: 'Актуальность и социальная значимость проекта', weight: 2, maxScore: 10 },
  { code: 'coherence', title: 'Логическая связность и реализуемость проекта', weight: 2, maxScore: 10 },
  { code: 'innovation', title: 'Инновационность, уникальность проекта', weight: 0.5, maxScore: 10 },
  { code: 'cost_result', title: 'Соотношение планируемых расходов и ожидаемых результатов', weight: 1, maxScore: 10 },
  {
    code: 'budget',
    title: 'Реалистичность бюджета проекта и обоснованность планируемых расходов',
    weight: 1.5,
    maxScore: 10,
  },
  { code: 'scale', title: 'Масштаб реализации проекта', weight: 0.5, maxScore: 10 },
  {
    code: 'own_contribution',
    title: 'Собственный вклад организации и дополнительные ресурсы',
    weight: 0.5,
    maxScore: 10,
  },
  {
    code: 'org_experience',
    title: 'Опыт организации по успешной реализации программ, проектов',
    weight: 1,
    maxScore: 10,
  },
  {
    code: 'team_experience',
    title: 'Соответствие опыта и компетенций команды проекта планируемой деятельности',
    weight: 0.5,
    maxScore: 10,
  },
  { code: 'openness', title: 'Информационная открытость организации', weight: 0.5, maxScore: 10 },
];
