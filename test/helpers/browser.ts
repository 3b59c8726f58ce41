/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium (installed by .ci/run),
 * driven over the DevTools protocol by playwright-core, which downloads no browser. Tests that
 * need it call `browserSkipReason()` and skip, visibly, only when the binary is absent.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CTAR_CHROMIUM ?? "/usr/bin/chromium";

export function browserSkipReason(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `needs Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // No background traffic: this machine's network is closed, and the tests must reach nothing.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    timeout: 30_000,
  });
}

/** Every console error and page error of `page`, collected as they come. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  return errors;
}
