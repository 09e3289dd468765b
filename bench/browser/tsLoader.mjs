// A module hook that runs this bench's TypeScript, and the browser tests' support files it shares, on Node 20
// (which cannot strip types yet): each .ts file is transpiled alone with the TypeScript the browser tests pin.
// Type checking is `tsc -p bench/browser` (see README.md), not done here.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const ts = createRequire(new URL('../../tests/browser/package.json', import.meta.url))('typescript');

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: url,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, inlineSourceMap: true },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
