/**
 * The `spc` command line: wires commander options to the readers, the model and the renderers.
 * Exit codes (contract section 7): 0 done, 1 input or data error, 2 usage error.
 */
import { Command, CommanderError, Option } from 'commander';
import { CHART_TYPES } from '../core/charts/types.js';
import { SpcError } from '../io/errors.js';
// The commands' modules are imported when a command runs, so `spc --help` and `spc --version`
// load only commander (start-up time is measured in docs/performance.md).
import type { AnalyseFlags, CliIo } from './analyse.js';
import type { AggregateFlags } from './aggregate.js';
import type { rulesText } from './rules.js';
import { LAYOUTS } from '../io/layouts.js';
import { AGGREGATE_PERIODS, PERIOD_FORMAT_NAMES } from '../io/periods.js';
import { DIRECTIONS } from '../io/user-settings.js';

import { version } from '../version.js';

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
const collectRaw = (value: string, previous: string[]) => [...previous, value];

const ANALYSE_EXAMPLES = `
Examples:
  $ spc analyse fixtures/community-safety.csv                 summary table on the terminal
  $ spc analyse fixtures/community-safety.csv --out spc-report  results.json, points.csv, summary.csv, charts/*.svg
  $ spc analyse data.csv --json > results.json                 the result document (schemaVersion 1)
  $ spc analyse data.csv --csv --rules mdc --direction lower-is-better
  $ spc analyse data.csv --phase 2020-04 --exclude 2020-05 --baseline 24
  $ spc analyse data.csv --rule trend=7 --rule near-limit=2of3
  $ cat data.csv | spc analyse - --json
`;

function defaultIo(): CliIo {
  // A reader that stops early (spc ... | head) closes the pipe: stop quietly, as other tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return {
    out: (s) => void process.stdout.write(s),
    outBytes: (b) => void process.stdout.write(b),
    err: (s) => void process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
    errIsTTY: process.stderr.isTTY === true,
  };
}

/** The program: its name, version and help, and its three commands (`exit.code` is set by analyse). */
export function buildProgram(io: CliIo, exit: { code: number } = { code: 0 }): Command {
  const program = new Command();
  program
    .name('spc')
    .description('Statistical process control for monthly and quarterly measures: limits, signals, flagged tables and charts.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ spc analyse fixtures/community-safety.csv --out spc-report
  $ spc rules mdc
  $ spc help analyse`,
    );

  analyseCommand(program, io, exit);
  aggregateCommand(program, io);
  rulesCommand(program, io);
  return program;
}

/** `spc analyse` and its options, in the order --help lists them. */
function analyseCommand(program: Command, io: CliIo, exit: { code: number }): void {
  program
    .command('analyse')
    .alias('analyze')
    .description('read measure series from CSV (FILE or - for stdin), compute limits and signals, write outputs')
    .argument('[files...]', 'CSV files in long format (measure, period, value, ...); none or - reads stdin')
    .addOption(new Option('--chart <type>', 'chart type (default xmr)').choices([...CHART_TYPES]))
    .option('--rules <preset>', 'rule preset: default, mdc, ptd, western-electric, nelson, anhoej (default: default; anhoej on run charts)')
    .option('--rule <name=value>', 'override one rule parameter, repeatable (trend=7, shift=7, near-limit=2of3, outside-limits=off, ...)', collectRaw, [])
    .addOption(
      new Option('--direction <d>', 'which way is better (default: the direction column, else neutral)').choices([...DIRECTIONS]),
    )
    .option('--phase <period>', 'a new phase (recalculated limits) starts at this period; repeatable or comma-separated', collect, [])
    .option('--baseline <n>', 'the first N observed points of each phase set that phase\'s limits')
    .option('--exclude <period>', 'leave this period out of the limit calculation (still plotted and tested); repeatable', collect, [])
    .option('--screen-mr', 'drop moving ranges >= 3.267 x their mean once, then recompute the mean')
    .addOption(new Option('--sigma <method>', 'XmR sigma: mean-mr (mean moving range / 1.128) or median-mr (3.145 x median moving range)').choices(['mean-mr', 'median-mr']))
    .option('--lcl-floor <x>', 'clamp lower limits at this value (e.g. 0 for counts on an XmR chart)')
    .option('--config <file>', 'per-measure settings (YAML or JSON): chart, direction, target, phases, baseline, exclude, notes, unit, section')
    .option('--target <x>', 'target value, for the assurance icon')
    .option('--multiply <k>', 'scale values and lines for display (100 for percent); statistics are computed first', '1')
    .option('--json', 'write the result document to stdout', false)
    .option('--csv', 'write the flagged points table to stdout', false)
    .option('--out <dir>', 'write report.html, report.md, results.json, points.csv, summary.csv and charts/*.svg into DIR')
    .option('--measure-col <name>', 'column holding the measure name')
    .option('--period-col <name>', 'column holding the period')
    .option('--value-col <name>', 'column holding the value')
    .option('--denominator-col <name>', 'column holding the denominator (values become value / denominator)')
    .option('--section-col <name>', 'column holding the report section')
    .option('--note-col <name>', 'column holding annotations')
    .addOption(new Option('--date-order <order>', 'day/month order of dd/mm/yyyy dates').choices(['dmy', 'mdy']).default('dmy'))
    .addOption(new Option('--layout <layout>', 'table layout: long (a value column), wide (a column per measure), across (periods in the header); default: detected').choices([...LAYOUTS]))
    .option('--sheet <name|index>', 'the workbook sheet to read (default: the first)')
    .addOption(new Option('--decimal <mark>', 'decimal mark of numbers written as text (default: comma in a ;-separated file, else point)').choices(['point', 'comma']))
    .addOption(new Option('--period-format <f>', 'fy: read 2008-09 as financial year 2008/09 (default auto: September 2008)').choices([...PERIOD_FORMAT_NAMES]))
    .option('--where <col=value>', 'keep only rows whose column equals the value (ignoring case); repeatable', collectRaw, [])
    .option('--title <text>', 'report title (default: from the input file name)')
    .option('--previous <results.json>', 'the previous run\'s results.json: the report marks signals new since then')
    .option('--recent <n>', 'without --previous, mark signals touching the last N periods as recent (default 3)')
    .option('--date <YYYY-MM-DD>', 'the report\'s generation date (default: SOURCE_DATE_EPOCH, else today)')
    .option('--png', 'with --out: a PNG beside each chart SVG')
    .option('--jobs <n>', 'worker threads for --png or --renderer vega charts (default: the available cores)')
    .addOption(new Option('--renderer <r>', 'draw charts directly (svg) or with Vega (vega: slower, Vega\'s own SVG)').choices(['svg', 'vega']).default('svg'))
    .option('--vega-lite', 'with --out: the Vega-Lite spec of each chart (charts/NAME.vl.json), data inline')
    .option('--keep-going', 'with several files: report a bad file or measure and analyse the rest (exit 1 at the end)')
    .addOption(new Option('--fail-on <condition>', 'exit 3 when the run has any signal, any concern, or a new signal (with --previous)').choices(['any', 'concern', 'new']))
    .option('--strict', 'turn data warnings (missing-value markers, gaps, a non-UTF-8 file) into errors')
    .addOption(new Option('--fill-missing <how>', 'fill periods missing inside a count series').choices(['zero']))
    .option('--no-color', 'no colour in the terminal table')
    .option('-q, --quiet', 'print nothing but results and errors', false)
    .option('--verbose', 'say how each input was read (layout, sheet, delimiter, header line) on stderr')
    .addHelpText('after', ANALYSE_EXAMPLES)
    .action(async (files: string[], flags: AnalyseFlags) => {
      const { runAnalyse } = await import('./analyse.js');
      exit.code = await runAnalyse(files, flags, io);
    });
}

/** `spc aggregate` and its options. */
function aggregateCommand(program: Command, io: CliIo): void {
  program
    .command('aggregate')
    .description('count raw records (one row per incident) per period and category; long-format CSV on stdout')
    .argument('[files...]', 'record exports (several files are read as one stream); none or - reads stdin')
    .addOption(new Option('--period <p>', 'period to count by').choices([...AGGREGATE_PERIODS]).default('month'))
    .option('--date-col <name>', 'column holding each record\'s date (default: Month, Date or Period)')
    .option('--by <columns>', 'columns naming the measure, comma-separated (street-level files: Crime type)', collect, [])
    .option('--where <col=value>', 'keep only records whose column equals the value; repeatable', collectRaw, [])
    .option('--denominator-file <file>', 'CSV of period,denominator (optionally measure) to add a denominator column')
    .addOption(new Option('--date-order <order>', 'day/month order of dd/mm/yyyy dates').choices(['dmy', 'mdy']).default('dmy'))
    .option('-q, --quiet', 'no summary line on stderr', false)
    .addHelpText(
      'after',
      `
Examples:
  $ spc aggregate 2021-*-city-of-london-street.csv > counts.csv
  $ spc aggregate data/*.csv --period quarter --where "Crime type=Violence and sexual offences" | spc analyse - --out report
  $ spc aggregate incidents.csv --date-col "Date reported" --by Ward,Category --period financial-quarter
`,
    )
    .action(async (files: string[], flags: AggregateFlags) => {
      const { runAggregate } = await import('./aggregate.js');
      await runAggregate(files, flags, io);
    });
}

/** `spc rules` and its options. */
function rulesCommand(program: Command, io: CliIo): void {
  program
    .command('rules')
    .description('list the rule presets and the parameters of each; with --arl, their false-alarm rates on stable processes')
    .argument('[preset]', 'one preset to show')
    .option('--arl', 'simulate stable processes: P(at least one signal) in N points per rule and overall, signalled points, in-control ARL', false)
    .option('--points <n>', 'points per simulated chart, with --arl (default 60)')
    .option('--runs <n>', 'simulated charts (and run lengths for the ARL), with --arl (default 2000)')
    .option('--seed <n>', 'random seed, a whole number 0..4294967295, with --arl (default 1)')
    .addOption(new Option('--chart <type>', 'simulated chart, with --arl: xmr (normal data), c (Poisson counts), run (default xmr)').choices(['xmr', 'c', 'run']))
    .option('--mean <x>', 'Poisson mean of the simulated counts, with --arl --chart c (default 20)')
    .option('--json', 'print the presets (or, with --arl, the false-alarm rates) as JSON', false)
    .addHelpText(
      'after',
      '\nExamples:\n  $ spc rules\n  $ spc rules mdc\n  $ spc rules default --arl --points 60\n  $ spc rules --arl --points 36 --runs 5000 --seed 7\n  $ spc rules nelson --arl --json\n',
    )
    .action(async (name: string | undefined, flags: Parameters<typeof rulesText>[1]) => {
      const { rulesText } = await import('./rules.js');
      io.out(rulesText(name, flags));
    });
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const exit = { code: 0 };
  const program = buildProgram(io, exit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2; // commander already printed the message
    }
    if (e instanceof SpcError) {
      io.err(`error: ${e.located}\n`);
      return e.exitCode;
    }
    const err = e as NodeJS.ErrnoException;
    io.err(`error: ${err?.message ?? String(e)}\n`);
    return 1;
  }
}

