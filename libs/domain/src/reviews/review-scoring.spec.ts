import { DEFAULT_CRITERIA } from '../competitions/default-criteria';
import { leniencyByExpert } from './expert-statistics.service';
import {
  assertComplete,
  formatHundredths,
  maxTotalOf,
  meanOf,
  reviewRequirement,
  toHundredths,
  totalOf,
  validateScores,
} from './review-scoring';

const rules = { expertsPerApplication: 2, divergenceThreshold: '30.00', criteria: DEFAULT_CRITERIA };
const h = (n: number | string) => toHundredths(n);

describe('review scoring', () => {
  it('computes Σ score × weight exactly, with half-point weights', () => {
    const all = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.code, 7]));
    expect(formatHundredths(totalOf(all, DEFAULT_CRITERIA))).toBe('70.00');
    expect(formatHundredths(totalOf({ innovation: 3, budget: 3 }, DEFAULT_CRITERIA))).toBe('6.00'); // 1.5 + 4.5
    expect(formatHundredths(totalOf({ scale: 1 }, DEFAULT_CRITERIA))).toBe('0.50');
    expect(formatHundredths(maxTotalOf(DEFAULT_CRITERIA))).toBe('100.00');
    expect(toHundredths('30.00')).toBe(3000n);
    expect(toHundredths(0.125)).toBe(13n);
  });

  it('rounds the mean half up to the hundredth', () => {
    expect(formatHundredths(meanOf([h(40), h(18.5), h(32)])!)).toBe('30.17');
    expect(formatHundredths(meanOf([h(10), h(10.01)])!)).toBe('10.01');
    expect(meanOf([])).toBeNull();
  });

  it('names every unknown code and every score outside 0..maxScore or not whole', () => {
    expect(() => validateScores({ relevance: 10, innovation: 0 }, DEFAULT_CRITERIA)).not.toThrow();
    try {
      validateScores({ relevance: 11, budget: 2.5, nope: 1, scale: '3' }, DEFAULT_CRITERIA);
      throw new Error('expected a validation error');
    } catch (error) {
      expect((error as { details: { messages: string[] } }).details.messages).toEqual([
        expect.stringContaining('scores.relevance'),
        expect.stringContaining('scores.budget'),
        expect.stringContaining('scores.nope'),
        expect.stringContaining('scores.scale'),
      ]);
    }
    expect(() => assertComplete({ relevance: 1 }, DEFAULT_CRITERIA)).toThrow(
      expect.objectContaining({ code: 'INCOMPLETE' }),
    );
  });

  it('asks for one extra review only when the first spread exceeds the threshold', () => {
    // 30% of 100: a spread of exactly 30 is not divergent, 30.5 is.
    expect(reviewRequirement([h(70), h(40)], rules)).toMatchObject({ divergent: false, complete: true, required: 2 });
    expect(reviewRequirement([h(70.5), h(40)], rules)).toMatchObject({
      divergent: true,
      complete: false,
      needsExtraReview: true,
      required: 3,
    });
    expect(reviewRequirement([h(70.5), h(40), h(60)], rules)).toMatchObject({
      complete: true,
      needsExtraReview: false,
      score: h(56.83),
    });
    // Only the first expertsPerApplication totals decide: a late outlier does not reopen the application.
    expect(reviewRequirement([h(50), h(55), h(5)], rules)).toMatchObject({ divergent: false, complete: true });
    expect(reviewRequirement([h(50)], rules)).toMatchObject({ complete: false, needsExtraReview: false });
  });

  it('measures leniency as the mean z-score of deviations from peers', () => {
    const reviews = [
      { applicationId: 'a', expertId: 'kind', total: 40 },
      { applicationId: 'a', expertId: 'strict', total: 20 },
      { applicationId: 'b', expertId: 'kind', total: 35 },
      { applicationId: 'b', expertId: 'fair', total: 30 },
      { applicationId: 'c', expertId: 'alone', total: 30 },
    ];
    const leniency = leniencyByExpert(reviews);
    expect(leniency.get('kind')!).toBeGreaterThan(0);
    expect(leniency.get('strict')!).toBeLessThan(0);
    expect(leniency.get('fair')!).toBeLessThan(0);
    expect(leniency.has('alone')).toBe(false);
  });
});
