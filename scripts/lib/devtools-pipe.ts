/**
 * Chromium driven through the DevTools protocol over a pipe, with nothing but what a
 * measurement needs: pages are opened and scripts run in them, and no other domain
 * (network, logging) is switched on. Playwright switches on network events for every page,
 * and each request then costs the browser more than it costs a reader: the search
 * benchmark times queries through this instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumArgs, chromiumPath } from './browser';

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

export class DevtoolsBrowser {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const input = child.stdio[4] as Readable;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as {
          id?: number;
          result?: Record<string, unknown>;
          error?: { message: string };
        };
        this.buffer = this.buffer.slice(end + 1);
        const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
        if (!waiting) continue;
        this.pending.delete(message.id!);
        if (message.error) waiting.reject(new Error(message.error.message));
        else waiting.resolve(message.result ?? {});
      }
    });
  }

  static async launch(): Promise<DevtoolsBrowser> {
    const profile = await mkdtemp(path.join(tmpdir(), 'chromium-'));
    const child = spawn(chromiumPath(), [...chromiumArgs, '--remote-debugging-pipe', `--user-data-dir=${profile}`], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    return new DevtoolsBrowser(child, profile);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.next++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.child.stdio[3] as Writable).write(`${message}\0`);
    });
  }

  /** A new page at `url`, in a browser context of its own (its own cache), once it has loaded. */
  async open(url: string): Promise<DevtoolsPage> {
    const { browserContextId } = await this.send('Target.createBrowserContext');
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new DevtoolsPage(this, sessionId as string, browserContextId as string);
    await page.evaluate(`location.href = ${JSON.stringify(url)}`);
    await page.waitFor('document.readyState === "complete" && location.href !== "about:blank"');
    return page;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.send('Browser.close').catch(() => this.child.kill());
    await exited;
    await rm(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

export class DevtoolsPage {
  constructor(
    private readonly browser: DevtoolsBrowser,
    private readonly sessionId: string,
    private readonly contextId: string,
  ) {}

  /** Closes the page with its browser context. */
  async close(): Promise<void> {
    await this.browser.send('Target.disposeBrowserContext', { browserContextId: this.contextId });
  }

  /** Runs `expression` in the page (awaiting a promise it returns) and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.browser.send(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      this.sessionId,
    )) as { result?: { value?: T }; exceptionDetails?: { exception?: { description?: string }; text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result?.value as T;
  }

  /** Waits until `condition` holds in the page. */
  async waitFor(condition: string, timeoutMs = 120_000): Promise<void> {
    const started = Date.now();
    while (!(await this.evaluate<boolean>(`Boolean(${condition})`).catch(() => false))) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${condition}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
