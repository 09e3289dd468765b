// node bench/browser/run.mjs [--runs N] [--out DIR] ...: the browser benchmark of issue 18's budgets (README.md).
import { register } from 'node:module';

register('./tsLoader.mjs', import.meta.url);
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
