// Debian's Chromium, driven by playwright-core (never a downloaded browser), for tests that
// look at what a user sees. Screenshots go to test-results/ at the repository root.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { settingOrFail } from '@fixops/config';

export const CHROMIUM = settingOrFail('chromium');
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'test-results');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
