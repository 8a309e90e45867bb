/**
 * Times the lists, the dashboard and 催报 through the real dispatch on a (large) database:
 *   npm run seed:large -- --db /tmp/large.sqlite --count 100000 --mix task:100 --reports 1000000
 *   npx tsx scripts/measure-list.ts --db /tmp/large.sqlite [--runs 20] [--only 汇总表]
 * Prints the median and p95 per query and the bench table (bench/lists.ts); nothing is asserted.
 */
import { join } from 'node:path';
import { benchLists } from '../bench/lists';
import { finish } from '../bench/results';

const at = process.argv.indexOf('--db');
if (at < 0) throw new Error('用法：npx tsx scripts/measure-list.ts --db 数据库路径 [--runs 20] [--only 汇总表]');
const runs = process.argv.includes('--runs') ? Number(process.argv[process.argv.indexOf('--runs') + 1]) : 20;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
await benchLists(process.argv[at + 1], runs, only);
finish(join(import.meta.dirname, '..', 'bench', 'results.json'));
