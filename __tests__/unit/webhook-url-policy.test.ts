/** @jest-environment node */
import { classifyAddress, parseIPv6 } from '@/lib/webhooks/addresses';
import { checkWebhookUrl, type UrlPolicy } from '@/lib/webhooks/url-policy';
import { isAppError } from '@/lib/errors';

const strict: UrlPolicy = { allowPrivate: false, allowedHosts: [], allowHttp: false };

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['198.18.0.1', 'benchmarking'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped link-local'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['64:ff9b::127.0.0.1', 'NAT64 loopback'],
    ['2002:7f00:1::', '6to4 loopback'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
  ])('%s is refused as %s', (address, reason) => {
    expect(classifyAddress(address)).toEqual({ isIp: true, blocked: reason });
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4003:80f::200e'])(
    '%s is public',
    (address) => expect(classifyAddress(address)).toEqual({ isIp: true, blocked: null }),
  );

  it('tells host names from addresses, and parses IPv6 forms exactly', () => {
    expect(classifyAddress('example.com')).toEqual({ isIp: false, blocked: null });
    expect(classifyAddress('1.2.3')).toEqual({ isIp: false, blocked: null });
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6('1::8')).toEqual([1, 0, 0, 0, 0, 0, 0, 8]);
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIPv6('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(parseIPv6('1::2::3')).toBeNull();
    expect(parseIPv6('12345::')).toBeNull();
  });
});

describe('checkWebhookUrl', () => {
  const resolver = (table: Record<string, string[]>) => async (host: string) => {
    const found = table[host];
    if (!found) throw new Error('ENOTFOUND');
    return found;
  };
  const refusal = async (url: string, policy: UrlPolicy = strict, resolve = resolver({})) => {
    const error = await checkWebhookUrl(url, policy, resolve).then(
      () => null,
      (e: unknown) => e,
    );
    if (!isAppError(error)) throw new Error(`${url} was not refused with an AppError`);
    return { code: error.code, message: error.message };
  };

  it.each([
    ['https://127.0.0.1/hook', /127\.0\.0\.1 is loopback/],
    ['https://10.0.0.5/hook', /private/],
    ['https://169.254.169.254/latest/meta-data', /link-local/],
    ['https://[::1]:8443/hook', /::1 is loopback/],
    ['https://[::ffff:127.0.0.1]/hook', /IPv4-mapped loopback/],
    ['https://2130706433/hook', /127\.0\.0\.1 is loopback/],
    ['https://0x7f.1/hook', /loopback/],
  ])('refuses %s with a typed 400', async (url, message) => {
    const { code, message: text } = await refusal(url);
    expect(code).toBe('bad_request:admin');
    expect(text).toMatch(message);
  });

  it('refuses a host name when any of its addresses is not public', async () => {
    const resolve = resolver({ 'evil.example': ['93.184.215.14', '10.0.0.7'], 'rebind.example': ['::1'] });
    expect((await refusal('https://evil.example/x', strict, resolve)).message).toMatch(/evil\.example resolves to 10\.0\.0\.7, which is private/);
    expect((await refusal('https://rebind.example/x', strict, resolve)).message).toMatch(/::1, which is loopback/);
    expect((await refusal('https://nowhere.example/x', strict, resolve)).message).toMatch(/does not resolve/);
  });

  it('asks for https, no credentials, a valid URL', async () => {
    expect((await refusal('http://hooks.example.com/x')).message).toMatch(/must use https/);
    expect((await refusal('ftp://hooks.example.com/x')).message).toMatch(/must use https/);
    expect((await refusal('https://user:pw@hooks.example.com/x')).message).toMatch(/user name or password/);
    expect((await refusal('not a url')).message).toMatch(/not a valid absolute URL/);
  });

  it('accepts a public host, and what the config allows', async () => {
    const resolve = resolver({ 'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'], localhost: ['127.0.0.1'] });
    await expect(checkWebhookUrl('https://hooks.example.com/in', strict, resolve)).resolves.toHaveProperty('host', 'hooks.example.com');
    await expect(checkWebhookUrl('https://8.8.8.8/in', strict, resolve)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://127.0.0.1:9/in', { ...strict, allowHttp: true, allowedHosts: ['127.0.0.1'] }, resolve)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('https://localhost/in', { ...strict, allowPrivate: true }, resolve)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('https://[::1]/in', { ...strict, allowedHosts: ['::1'] }, resolve)).resolves.toBeInstanceOf(URL);
    // Allowing http does not allow private addresses.
    expect((await refusal('http://127.0.0.1/in', { ...strict, allowHttp: true }, resolve)).message).toMatch(/loopback/);
  });

  it('refuses host names, rather than letting them through, when no resolver is installed', async () => {
    const error = await checkWebhookUrl('https://hooks.example.com/in', strict, undefined).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('upstream_unavailable:admin');
  });
});
