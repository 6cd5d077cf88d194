/**
 * Compiles the Astro site in a process of its own (see compile-site.ts), so that it runs
 * beside the ingest: the ingest's workers leave part of a core idle, and Vite's long
 * synchronous stretches would otherwise hold up the ingest's own thread as it hands out pages.
 */
export interface CompileTask {
  root: string;
}

export interface CompileReply {
  error?: string;
}

export default async function handle({ root }: CompileTask): Promise<CompileReply> {
  try {
    const { build } = await import('astro');
    await build({ root, logLevel: 'warn' });
    return {};
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
