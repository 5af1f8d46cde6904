import { describe, expect, it } from 'vitest';
import { deepLink, hashRoute, parseDeepLink, parseHashRoute } from '../../../src/shared/deep-link';

describe('deep links', () => {
  it('go from an export to the renderer’s route and back', () => {
    const url = deepLink('k7m2q9xa', '0f8e2c1a-1b2c-4d3e-8f90-123456789abc');
    expect(url).toBe(
      'marginalia://record/k7m2q9xa#annotation-0f8e2c1a-1b2c-4d3e-8f90-123456789abc',
    );
    const link = parseDeepLink(url)!;
    expect(link).toEqual({
      recordId: 'k7m2q9xa',
      annotationId: '0f8e2c1a-1b2c-4d3e-8f90-123456789abc',
    });
    expect(hashRoute(link)).toBe(
      '#/record/k7m2q9xa?annotation=0f8e2c1a-1b2c-4d3e-8f90-123456789abc',
    );
    expect(parseHashRoute(hashRoute(link))).toEqual(link);
    expect(parseDeepLink('marginalia://record/k7m2q9xa')).toEqual({
      recordId: 'k7m2q9xa',
      annotationId: null,
    });
    expect(parseHashRoute('#/record/k7m2q9xa')).toEqual({
      recordId: 'k7m2q9xa',
      annotationId: null,
    });
  });

  it('refuse anything that is not a well-formed link of ours', () => {
    for (const url of [
      'https://record/x',
      'marginalia://record/',
      'marginalia://record/../../etc',
      'marginalia://record/a%2Fb',
      'marginalia://record/x#annotation-<script>',
      'marginalia://record/x/y',
      'marginalia://record/%E0%A4%A',
      'marginalia://settings',
    ]) {
      expect(parseDeepLink(url), url).toBeNull();
    }
    expect(parseHashRoute('#/record/x?annotation="><img>')).toBeNull();
    expect(parseHashRoute('#/record/x/annotation/y')).toBeNull();
    expect(parseHashRoute('#/other')).toBeNull();
  });
});
