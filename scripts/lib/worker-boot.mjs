// A worker process of the build: loads the module named on its command line (through tsx
// when it is TypeScript), and answers each task it is sent with what the module's default export
// returns for it.
import { register } from 'tsx/esm/api';

// Not for plain JavaScript: tsx's loader runs on a thread of its own, and every import()
// would wait for it.
if (!process.argv[2].endsWith('.mjs')) register();
const { default: handle } = await import(process.argv[2]);
process.on('message', async (task) => {
  process.send(await handle(task));
});
// A worker outlives no build: should the build stop (an error, Ctrl-C), so does the worker.
process.on('disconnect', () => process.exit(1));
