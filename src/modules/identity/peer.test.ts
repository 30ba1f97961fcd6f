import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { handleResponseOf } from './service.ts';
import { RESPONSE } from './model.ts';

const handleValue = fc.record({
  index: fc.integer({ min: 1, max: 65535 }),
  type: fc.string({ minLength: 1 }),
  data: fc.record({ format: fc.constant('string' as const), value: fc.string() }),
  ttl: fc.nat(),
  timestamp: fc.string(),
});

describe('a peer resolver answer', () => {
  it('passes a well-formed Handle response through unchanged', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), fc.option(fc.string(), { nil: undefined }), fc.array(handleValue), (responseCode, handle, message, values) => {
        const body = { responseCode, handle, values, ...(message === undefined ? {} : { message }) };
        expect(handleResponseOf(body, 'asked/handle')).toEqual(body);
      }),
    );
  });

  it('always yields the Handle response shape, whatever the peer sent', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        const r = handleResponseOf(body, '88.1/x');
        expect(typeof r.responseCode).toBe('number');
        expect(typeof r.handle).toBe('string');
        expect(r.message === undefined || typeof r.message === 'string').toBe(true);
        for (const v of r.values ?? []) expect(v.data.format).toBe('string');
      }),
    );
  });

  it('names the handle asked and an error code when the peer sent no Handle response', () => {
    expect(handleResponseOf('oops', '88.1/x')).toEqual({ responseCode: RESPONSE.ERROR, handle: '88.1/x' });
    expect(handleResponseOf({ values: [{ index: 1 }, 'x'] }, '88.1/x')).toEqual({ responseCode: RESPONSE.ERROR, handle: '88.1/x', values: [] });
  });
});
