/** @jest-environment node */
import { AppError, toAppError } from '@/lib/errors';

describe('AppError', () => {
  it('maps the code type to an HTTP status and a typed body', async () => {
    const error = new AppError('bad_request:chat', 'The message is empty.');
    const response = error.toResponse();
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'bad_request:chat', message: 'The message is empty.' } });
  });

  it('hides internal messages from the client', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = toAppError(new Error('connection string postgres://secret'), 'store');
    expect(error.code).toBe('internal:store');
    const body = await error.toResponse().json();
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body.error.message).toMatch(/went wrong/);
    spy.mockRestore();
  });

  it('passes AppErrors through unchanged', () => {
    const original = new AppError('rate_limited:chat');
    expect(toAppError(original)).toBe(original);
    expect(original.status).toBe(429);
  });
});

describe('AppErrors from another copy of the module', () => {
  it('are still recognised (a bundler may duplicate lib/errors between chunks)', () => {
    let OtherAppError!: typeof AppError;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      OtherAppError = (require('@/lib/errors') as typeof import('@/lib/errors')).AppError;
    });
    expect(OtherAppError).not.toBe(AppError);
    const foreign = new OtherAppError('upstream_unavailable:voice', 'Server speech is not configured.');
    expect(foreign instanceof AppError).toBe(false);
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(toAppError(foreign, 'voice')).toBe(foreign);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
