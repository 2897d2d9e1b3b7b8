/** A criterion of the default methodology (the shape of a competition's criteria). */
export interface DefaultCriterion {
  code: string;
  title: string;
  titleEn?: string;
  weight: number;
  maxScore: number;
}

/**
 * The Presidential Grants Fund methodology: ten criteria, 0–10 points each, weights summing to 10.
 * Titles are the Fund's Russian wording; `titleEn` is what English-locale readers see.
 */
export const DEFAULT_CRITERIA: readonly DefaultCriterion[] = [
  {
    code: 'relevance',
    title: 'Актуальность и социальная значимость проекта',
    titleEn: 'Relevance and social significance of the project',
    weight: 2,
    maxScore: 10,
  },
  {
    code: 'coherence',
    title: 'Логическая связность и реализуемость проекта',
    titleEn: 'Logical coherence and feasibility of the project',
    weight: 2,
    maxScore: 10,
  },
  {
    code: 'innovation',
    title: 'Инновационность, уникальность проекта',
    titleEn: 'Innovation and uniqueness of the project',
    weight: 0.5,
    maxScore: 10,
  },
  {
    code: 'cost_result',
    title: 'Соотношение планируемых расходов и ожидаемых результатов',
    titleEn: 'Ratio of planned costs to expected results',
    weight: 1,
    maxScore: 10,
  },
  {
    code: 'budget',
    title: 'Реалистичность бюджета проекта и обоснованность планируемых расходов',
    titleEn: 'Realistic project budget and justified planned costs',
    weight: 1.5,
    maxScore: 10,
  },
  {
    code: 'scale',
    title: 'Масштаб реализации проекта',
    titleEn: 'Scale of the project',
    weight: 0.5,
    maxScore: 10,
  },
  {
    code: 'own_contribution',
    title: 'Собственный вклад организации и дополнительные ресурсы',
    titleEn: "Organization's own contribution and additional resources",
    weight: 0.5,
    maxScore: 10,
  },
  {
    code: 'org_experience',
    title: 'Опыт организации по успешной реализации программ, проектов',
    titleEn: "Organization's experience in successfully implementing programmes and projects",
    weight: 1,
    maxScore: 10,
  },
  {
    code: 'team_experience',
    title: 'Соответствие опыта и компетенций команды проекта планируемой деятельности',
    titleEn: "Match between the project team's experience and competencies and the planned activities",
    weight: 0.5,
    maxScore: 10,
  },
  {
    code: 'openness',
    title: 'Информационная открытость организации',
    titleEn: "Organization's information openness",
    weight: 0.5,
    maxScore: 10,
  },
];
