import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from './origin.js';

describe('isCrossOriginWrite', () => {
  it('lets reads through whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(isCrossOriginWrite({ method, secFetchSite: 'cross-site', origin: 'https://evil.example', host: 'fixops.local' })).toBe(false);
  });
  it('trusts Sec-Fetch-Site first: same-origin and none pass, same-site and cross-site do not', () => {
    expect(isCrossOriginWrite({ method: 'POST', secFetchSite: 'same-origin', origin: 'https://evil.example', host: 'fixops.local' })).toBe(false);
    expect(isCrossOriginWrite({ method: 'POST', secFetchSite: 'none', host: 'fixops.local' })).toBe(false);
    expect(isCrossOriginWrite({ method: 'POST', secFetchSite: 'same-site', origin: 'http://fixops.local', host: 'fixops.local' })).toBe(true);
    expect(isCrossOriginWrite({ method: 'DELETE', secFetchSite: 'cross-site', host: 'fixops.local' })).toBe(true);
  });
  it('else compares the Origin host with the Host header', () => {
    expect(isCrossOriginWrite({ method: 'POST', origin: 'http://fixops.local:3000', host: 'fixops.local:3000' })).toBe(false);
    expect(isCrossOriginWrite({ method: 'PUT', origin: 'http://fixops.local:3001', host: 'fixops.local:3000' })).toBe(true);
    expect(isCrossOriginWrite({ method: 'PATCH', origin: 'https://evil.example', host: 'fixops.local' })).toBe(true);
    expect(isCrossOriginWrite({ method: 'POST', origin: 'null', host: 'fixops.local' })).toBe(true);
    expect(isCrossOriginWrite({ method: 'POST', origin: 'not a url', host: 'fixops.local' })).toBe(true);
  });
  it('lets a request without Origin or Sec-Fetch-Site through: no browser sent it', () => {
    expect(isCrossOriginWrite({ method: 'POST', host: 'fixops.local' })).toBe(false);
  });
});
