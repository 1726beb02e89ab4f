import { BROAD_QUERY_TOTAL, RESULT_TTL_MS, SearchResultCache } from './search-result-cache';

describe('SearchResultCache', () => {
  afterEach(() => jest.useRealTimers());

  it('keeps broad results only, for a limited time', () => {
    jest.useFakeTimers();
    const cache = new SearchResultCache<string>();
    cache.put('narrow', 'n', BROAD_QUERY_TOTAL - 1);
    cache.put('broad', 'b', BROAD_QUERY_TOTAL);
    expect(cache.get('narrow')).toBeUndefined();
    expect(cache.get('broad')).toBe('b');
    jest.advanceTimersByTime(RESULT_TTL_MS + 1);
    expect(cache.get('broad')).toBeUndefined();
  });

  it('drops the least recently used entry when full', () => {
    const cache = new SearchResultCache<number>();
    for (let i = 0; i < 500; i++) cache.put(`k${i}`, i, BROAD_QUERY_TOTAL);
    expect(cache.get('k0')).toBe(0); // now the most recently used
    cache.put('k500', 500, BROAD_QUERY_TOTAL);
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k0')).toBe(0);
    expect(cache.get('k500')).toBe(500);
  });
});
