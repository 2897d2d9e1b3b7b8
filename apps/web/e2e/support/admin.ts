import type { Api } from './api';
import type { Person } from './staff';

/** A tiny PDF: the api checks files by content, and this is one. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** Attaches a PDF of the given document type to a draft application, as the NGO's browser would. */
export async function uploadDocument(url: string, applicant: Person, applicationId: string, type: string) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: applicant.email, password: applicant.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const form = new FormData();
  form.append('type', type);
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'Устав.pdf');
  const res = await fetch(`${url}/api/v1/applications/${applicationId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload → ${res.status} ${await res.text()}`);
}

/** Scores every criterion of the expert's review of the application with `score` and submits it. */
export async function scoreAndSubmit(
  expert: Person,
  applicationId: string,
  criteria: Array<{ code: string }>,
  score: number,
) {
  const list = await expert.api.request('GET', '/reviews?pageSize=100');
  const review = list.items.find((r: { applicationId: string }) => r.applicationId === applicationId);
  if (!review) throw new Error(`no review of ${applicationId} for ${expert.email}`);
  await expert.api.request('PUT', `/reviews/${review.id}`, {
    scores: Object.fromEntries(criteria.map((c) => [c.code, score])),
    comment: 'Оценка по критериям конкурса',
  });
  await expert.api.request('POST', `/reviews/${review.id}/submit`);
}

/** A completed consultation, making the application consultant-assisted. */
export async function consult(applicant: Person, consultant: Person, applicationId: string) {
  const c = await applicant.api.request('POST', `/applications/${applicationId}/consultations`, {
    question: 'Проверьте, пожалуйста, бюджет проекта',
  });
  await consultant.api.request('POST', `/consultations/${c.id}/take`);
  await consultant.api.request('POST', `/consultations/${c.id}/complete`, {
    comment: 'Заявка готова к подаче',
    verdict: 'ready',
  });
}

export async function waitForStatus(admin: Api, id: string, status: string) {
  for (let i = 0; i < 100; i++) {
    const now = await admin.request('GET', `/competitions/${id}`);
    if (now.status === status) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`competition ${id} did not reach ${status}`);
}
