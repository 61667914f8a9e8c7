/**
 * Work per analysis in instructions, which unlike msgs/s does not depend on what else the shared VM is doing.
 * It runs the built engine (dist/, `npx tsc -p tsconfig.build.json` first): under tsx the on-the-fly build varies
 * by a billion instructions between start-ups, which swamps the difference (measured, session 5).
 *   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.0 node --import tsx bench/icount.ts 0
 *   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.N node --import tsx bench/icount.ts 3000
 *   (totals of cg.N − totals of cg.0) / 3000 = instructions per short-SMS analysis (start-up and warm-up cancel out).
 * It counts instructions, not cache misses: read it beside `npm run bench`, not instead of it.
 */
import { loadEngine } from './engine.js';
import { SHORT_SMS } from './samples.js';

const { analyze } = await loadEngine('icount');
const n = Number(process.argv[2] ?? 0);
for (let i = 0; i < 3000; i++) analyze(SHORT_SMS[i % SHORT_SMS.length] ?? '');
for (let i = 0; i < n; i++) analyze(SHORT_SMS[i % SHORT_SMS.length] ?? '');
