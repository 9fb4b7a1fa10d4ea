import { META_THROTTLE_BACKOFF_MS, metaUsageObservations, parseAppUsage, parseBusinessUseCaseUsage, regainAccessAt } from './meta.usage';

const NOW = new Date('2026-11-25T10:00:00Z');

describe('Meta usage headers (§3.8)', () => {
  it('reads X-App-Usage as the highest of its percentages', () => {
    expect(parseAppUsage('{"call_count":12,"total_cputime":40,"total_time":7}')).toEqual({ percent: 40, regainMinutes: 0 });
    expect(parseAppUsage('not json')).toBeUndefined();
    expect(parseAppUsage(null)).toBeUndefined();
  });

  it('folds every id and entry of X-Business-Use-Case-Usage into one reading', () => {
    const header = JSON.stringify({
      '111': [{ type: 'pages', call_count: 20, total_cputime: 3, total_time: 4, estimated_time_to_regain_access: 0 }],
      '222': [{ type: 'instagram', call_count: 100, total_cputime: 9, total_time: 9, estimated_time_to_regain_access: 15 }],
    });
    expect(parseBusinessUseCaseUsage(header)).toEqual({ percent: 100, regainMinutes: 15 });
    expect(regainAccessAt(new Headers({ 'x-business-use-case-usage': header }), NOW)).toEqual(new Date(NOW.getTime() + 15 * 60_000));
    expect(parseBusinessUseCaseUsage('{}')).toBeUndefined();
  });

  it('observes the app budget as scope app and the BUC budget as scope account, in percent', () => {
    const headers = new Headers({
      'x-app-usage': '{"call_count":30,"total_cputime":10,"total_time":10}',
      'x-business-use-case-usage': JSON.stringify({ '111': [{ type: 'pages', call_count: 65, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 }] }),
    });
    expect(metaUsageObservations(headers, NOW)).toEqual([
      { scope: 'app', limit: 100, remaining: 70, resetAt: undefined },
      { scope: 'account', limit: 100, remaining: 35, resetAt: undefined },
    ]);
  });

  it('reports remaining 0 at 100 %, with the regain estimate or else the back-off', () => {
    const headers = new Headers({
      'x-app-usage': '{"call_count":100,"total_cputime":10,"total_time":10}',
      'x-business-use-case-usage': JSON.stringify({ '111': [{ type: 'pages', call_count: 10, total_cputime: 100, total_time: 1, estimated_time_to_regain_access: 9 }] }),
    });
    expect(metaUsageObservations(headers, NOW)).toEqual([
      { scope: 'app', limit: 100, remaining: 0, resetAt: new Date(NOW.getTime() + META_THROTTLE_BACKOFF_MS) },
      { scope: 'account', limit: 100, remaining: 0, resetAt: new Date(NOW.getTime() + 9 * 60_000) },
    ]);
    expect(metaUsageObservations(new Headers(), NOW)).toEqual([]);
  });
});
