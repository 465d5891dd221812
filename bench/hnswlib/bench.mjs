// hnswlib peer of the Vectorizer vector benchmark. Run by dev.vectorizer.bench.HnswlibRunner:
//   node bench.mjs --base base.fvecs --queries queries.fvecs --truth truth.ivecs
//                  --space cosine --m 16 --ef-construction 200 --efs 10,16,24 --passes 5 --k 10
//                  [--index-cache file] [--filtered-truth 10:truth-f10.ivecs,1:truth-f1.ivecs --filter-efs 10,32,100]
// Builds the index single-threaded (addPoint in a loop; loaded from --index-cache when that file
// exists, else saved there), then for each ef runs every query once as warm-up (recall) and `passes`
// timed passes, single-threaded. Filtered searches keep the rows with row % 100 < percent, through
// hnswlib's filter function. Prints one JSON object per line on stdout:
//   {"type":"build","seconds":..,"count":..}            (only when built)
//   {"type":"search","ef":..,"filter":100,"recall":..,"qps":[pass1, pass2, ..]}
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { HierarchicalNSW } = require('hnswlib-node');

function args(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) throw new Error(`bad argument ${argv[i]}`);
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}

// .fvecs / .ivecs: per vector, a little-endian int32 dimension, then that many float32 / int32.
function readVecs(path, kind) {
  const buf = readFileSync(path);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const rows = [];
  let off = 0;
  while (off < buf.byteLength) {
    const dim = view.getInt32(off, true);
    off += 4;
    const row = new Array(dim);
    for (let j = 0; j < dim; j++, off += 4) {
      row[j] = kind === 'f' ? view.getFloat32(off, true) : view.getInt32(off, true);
    }
    rows.push(row);
  }
  return rows;
}

const a = args(process.argv);
const base = readVecs(a.base, 'f');
const queries = readVecs(a.queries, 'f');
const truth = readVecs(a.truth, 'i');
const k = Number(a.k ?? 10);
const passes = Number(a.passes ?? 5);
const efs = a.efs.split(',').map(Number);
const dim = base[0].length;

const index = new HierarchicalNSW(a.space, dim);
let t0;
if (a['index-cache'] && existsSync(a['index-cache'])) {
  index.readIndexSync(a['index-cache']);
} else {
  index.initIndex(base.length, Number(a.m), Number(a['ef-construction']), 100);
  t0 = process.hrtime.bigint();
  for (let i = 0; i < base.length; i++) index.addPoint(base[i], i);
  const buildSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ type: 'build', seconds: buildSeconds, count: base.length }));
  if (a['index-cache']) index.writeIndexSync(a['index-cache']);
}

function sweep(ef, percent, truthRows) {
  index.setEf(ef);
  const filter = percent >= 100 ? undefined : (label) => label % 100 < percent;
  let hits = 0;
  for (let q = 0; q < queries.length; q++) { // warm-up pass, also measures recall
    const found = index.searchKnn(queries[q], k, filter).neighbors;
    const expected = new Set(truthRows[q].slice(0, k));
    for (const id of found) if (expected.has(id)) hits++;
  }
  const qps = [];
  for (let p = 0; p < passes; p++) {
    t0 = process.hrtime.bigint();
    for (let q = 0; q < queries.length; q++) index.searchKnn(queries[q], k, filter);
    qps.push(queries.length / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  console.log(JSON.stringify({ type: 'search', ef, filter: percent, recall: hits / (queries.length * k), qps }));
}

for (const ef of efs) sweep(ef, 100, truth);
for (const spec of (a['filtered-truth'] ?? '').split(',').filter((x) => x)) {
  const [percent, file] = spec.split(':');
  const rows = readVecs(file, 'i');
  for (const ef of (a['filter-efs'] ?? '10,32,100').split(',').map(Number)) sweep(ef, Number(percent), rows);
}
