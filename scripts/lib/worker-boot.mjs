// A worker process of the build: registers tsx, loads the TypeScript module named on its
// command line, and answers each task it is sent with what the module's default export
// returns for it.
import { register } from 'tsx/esm/api';

register();
const { default: handle } = await import(process.argv[2]);
process.on('message', async (task) => {
  process.send(await handle(task));
});
