import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The `'sha256-…'` source of every inline <script> in the page, for script-src. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes ?? '') || !body) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * helmet's headers on every answer: no X-Powered-By, `X-Content-Type-Options: nosniff` (uploaded
 * photos are never sniffed into HTML or script), frame and referrer policies, and a Content
 * Security Policy that the h5 build served at `/` works under:
 * - script-src: our own files, and the one inline script of Taro's index.html (it sizes the root
 *   font), allowed by its hash, read from the build at boot — no 'unsafe-inline' for scripts;
 * - style-src 'unsafe-inline': Taro's components insert their <style> elements at run time;
 * - img-src data: blob: and connect-src blob:: QR codes drawn as data URLs, and a photo chosen
 *   in h5 is a blob: URL that Taro's uploadFile reads back with XHR before sending it;
 * - no upgrade-insecure-requests: the demo and a community's LAN server run on plain HTTP.
 */
export function securityHeaders(h5Dir: string | null): RequestHandler {
  const index = h5Dir === null ? null : join(h5Dir, 'index.html');
  const hashes = index !== null && existsSync(index) ? inlineScriptHashes(readFileSync(index, 'utf8')) : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        scriptSrc: ["'self'", ...hashes],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    // Not for the community's other hosts: only this one is known to be served over HTTPS, if at all.
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
  });
}
