import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.js';

/** Every page the tests visit must pass axe-core without serious or critical violations. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const violations = await seriousViolations(page);
  expect(violations, `axe-core on ${where} (${page.url()})`).toEqual([]);
}
