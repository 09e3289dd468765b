import { t } from '../../i18n/index.js';
import { dayNames, type DayRow, type WidgetForm } from './widgetForm.js';

// Monday first, as most teams plan their week; the API numbers Sunday 0.
const order = [1, 2, 3, 4, 5, 6, 0] as const;

/** Business hours: on/off, time zone, one row per weekday (open, from, to), holidays, and the bot outside hours. */
export function BusinessHoursEditor({ form, onChange }: { readonly form: WidgetForm; readonly onChange: (change: Partial<WidgetForm>) => void }) {
  const w = t.admin.widget;
  const setDay = (day: number, change: Partial<DayRow>) => onChange({ days: form.days.map((d, i) => i === day ? { ...d, ...change } : d) });
  return (
    <fieldset className="hours">
      <legend>{w.hours}</legend>
      <label className="check"><input type="checkbox" checked={form.hoursEnabled} onChange={(e) => onChange({ hoursEnabled: e.target.checked })} /> {w.hoursEnabled}</label>
      {form.hoursEnabled && (
        <>
          <label className="field"><span>{w.timeZone}</span><input value={form.timeZone} onChange={(e) => onChange({ timeZone: e.target.value })} placeholder={w.workspaceTimeZone} /></label>
          <table className="hours-table">
            <tbody>
              {order.map((day) => {
                const row = form.days[day]!;
                const name = dayNames[day];
                return (
                  <tr key={day}>
                    <th scope="row"><label className="check"><input type="checkbox" checked={row.open} onChange={(e) => setDay(day, { open: e.target.checked })} /> {w.days[day]}</label></th>
                    <td><input type="time" aria-label={`${name} ${w.opens}`} value={row.from} disabled={!row.open} onChange={(e) => setDay(day, { from: e.target.value })} /></td>
                    <td><input type="time" aria-label={`${name} ${w.closes}`} value={row.to} disabled={!row.open} onChange={(e) => setDay(day, { to: e.target.value })} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label className="field"><span>{w.holidays}</span><textarea rows={2} value={form.holidays} onChange={(e) => onChange({ holidays: e.target.value })} placeholder="2026-12-25" /></label>
        </>
      )}
      <label className="check"><input type="checkbox" checked={form.botOutsideHours} onChange={(e) => onChange({ botOutsideHours: e.target.checked })} /> {w.botOutsideHours}</label>
    </fieldset>
  );
}
