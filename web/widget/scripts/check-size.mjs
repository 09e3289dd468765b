// The widget ships on customers' pages: the build fails if the gzipped bundle exceeds its budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// 21 KB since issue 18: the SDK's recovery (writes wait for the connection, reconnect on online) and the resolved notice.
const budget = 21 * 1024;
const file = new URL('../../../src/Switchboard.Server/wwwroot/widget/widget.js', import.meta.url);
const size = gzipSync(readFileSync(file), { level: 9 }).length;
console.log(`widget.js: ${size} bytes gzipped (budget ${budget})`);
if (size > budget) {
  console.error(`widget.js is ${size - budget} bytes over its ${budget}-byte gzip budget`);
  process.exit(1);
}
