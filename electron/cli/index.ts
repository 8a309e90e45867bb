import { AppError } from '../../shared/contract/errors';
import { UsageError, type Command } from './command';
import { batchesCommand } from './commands/batches';
import { importCommand } from './commands/import';
import { inspectCommand } from './commands/inspect';
import { undoCommand } from './commands/undo';
import { exportCommand } from './commands/export';
import { periodOpenCommand } from './commands/period-open';
import { templatesCommand } from './commands/templates';
import { returnsCommand } from './commands/returns';
import { missingCommand } from './commands/missing';
import { summaryCommand } from './commands/summary';
import { reportUpCommand } from './commands/report-up';

/** Every command; add one line per command. */
const COMMANDS: Record<string, Command> = {
  inspect: inspectCommand,
  import: importCommand,
  batches: batchesCommand,
  undo: undoCommand,
  export: exportCommand,
  'period-open': periodOpenCommand,
  templates: templatesCommand,
  returns: returnsCommand,
  missing: missingCommand,
  summary: summaryCommand,
  'report-up': reportUpCommand,
};

function help(): void {
  console.log('清单通命令行：npm run cli -- <命令> …\n');
  for (const [name, c] of Object.entries(COMMANDS)) console.log(`  ${name.padEnd(10)}${c.summary}\n  ${' '.repeat(10)}${c.usage}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help();
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`未知的命令：${name}（npm run cli -- help 列出全部命令）`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n用法：npm run cli -- ${command.usage}`);
      return 2;
    }
    console.error(e instanceof AppError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
