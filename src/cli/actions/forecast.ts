import { loadInventory } from '../../inventory/load.ts';
import { fsSource } from '../../inventory/source.ts';
import { formatForecast, type ForecastFormat } from '../../report/forecast/format.ts';
import { runForecast as forecastOf } from '../../report/forecast/run.ts';
import { forecastView } from '../../report/forecast/view.ts';
import { suggestion } from '../../util/suggest.ts';
import { UserError } from '../errors.ts';
import type { ForecastOpts } from '../forecast.ts';
import type { Io } from '../io.ts';
import { parseRoot, parseToday } from '../options.ts';

/** `lac forecast`: runs the forecast (src/report/forecast/run.ts) and prints it. */
export async function runForecast(opts: ForecastOpts, months: number, io: Io): Promise<void> {
  const today = parseToday(opts.today);
  const root = parseRoot(opts.root, io.cwd);
  const { inventory } = await loadInventory(fsSource(root));
  if (opts.license !== undefined && !inventory.licenses.has(opts.license)) {
    throw new UserError(`no license "${opts.license}"${suggestion(opts.license, inventory.licenses.keys())}`, 'license IDs are the file names in inventory/licenses/');
  }
  const forecast = await forecastOf({ root, inventory, months, backtest: opts.backtest === true, ...(today ? { today } : {}), ...(opts.license !== undefined ? { license: opts.license } : {}) });
  io.out(formatForecast(forecastView(forecast, opts.license), opts.format as ForecastFormat));
}
