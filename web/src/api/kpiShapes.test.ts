import { describe, expect, it } from 'vitest';
import { rejectedRowsOf } from './kpiShapes';

describe('a refused inputs file', () => {
  it('lists the rows the problem names, numbered from the first after the header', () => {
    const body = { type: 'x/problems/unprocessable', errors: [{ path: '/rows/1', message: 'unknown enterprise' }, { path: '/rows/2', message: 'bad period' }, { path: '', message: 'not a row' }] };
    expect(rejectedRowsOf(body)).toEqual([{ row: 2, reason: 'unknown enterprise' }, { row: 3, reason: 'bad period' }]);
  });

  it('takes rows listed as such, and nothing from other answers', () => {
    expect(rejectedRowsOf({ rejected: [{ row: 4, reason: 'r' }] })).toEqual([{ row: 4, reason: 'r' }]);
    expect(rejectedRowsOf({ detail: 'forbidden' })).toEqual([]);
    expect(rejectedRowsOf(null)).toEqual([]);
  });
});
