import { describe, expect, test } from 'vitest';
import config from '../../archive.config';
import { checkLinks } from '../../scripts/lib/verify-site';
import { DIST } from '../helpers/dist';

describe('the built site', () => {
  test('has no broken internal link, script, stylesheet or #fragment', async () => {
    expect(await checkLinks(DIST, new URL(config.site).origin)).toEqual([]);
  });
});
