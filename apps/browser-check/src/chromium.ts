/**
 * Launches Debian's /usr/bin/chromium through playwright-core (no Playwright browser download),
 * opens a page and waits for `window.__nncompatResult`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { PageResult } from './page/main.js';

/** Debian's chromium package installs it here. */
export const CHROMIUM = '/usr/bin/chromium';

/** True when Debian's chromium is installed. */
export const haveChromium = (): boolean => existsSync(CHROMIUM);

/**
 * Flags from the machine notes: no network side traffic (the machine's network is closed), and
 * SwiftShader (Chromium's software GL) so WebGL exists without a GPU. `--disable-gpu` is
 * deliberately absent: with it Chromium offers no WebGL context at all. `--enable-unsafe-webgpu`
 * makes Chromium offer its SwiftShader (Vulkan on the CPU, bundled with Debian's chromium as
 * libvk_swiftshader.so) WebGPU fallback adapter; without it `requestAdapter()` returns null on a
 * machine without a GPU ("No available adapters.").
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
];

/** Opens `url` in a fresh headless Chromium profile and returns what the page published. */
export async function runInChromium(url: string, flags: readonly string[] = CHROMIUM_FLAGS, timeoutMs = 150_000): Promise<{ result: PageResult | { fatal: string }; console: string[] }> {
  const profile = mkdtempSync(join(tmpdir(), 'nncompat-chromium-'));
  // A persistent context on a new empty profile folder: Playwright's way of passing --user-data-dir.
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: [...flags] });
  const console: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __nncompatResult?: unknown }).__nncompatResult !== undefined, undefined, { timeout: timeoutMs });
    const result = await page.evaluate(() => (window as unknown as { __nncompatResult: PageResult | { fatal: string } }).__nncompatResult);
    return { result, console };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
