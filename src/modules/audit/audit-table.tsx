import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/dates.js';
import { IfAny } from '../../views/if-any.js';
import { Table } from '../../views/table.js';
import type { AuditRegel } from './audit.repository.js';

function asJson(value: unknown): string {
  return value ? JSON.stringify(value, null, 2) : '–';
}

/** "Voor" and "Na" as headings one level below the heading the table stands under (no level may be skipped). */
function DiffHeading(props: { level: 2 | 3; text: string }): JSX.Element {
  return props.level === 2 ? (
    <h2 class="utrecht-heading-2" safe>
      {props.text}
    </h2>
  ) : (
    <h3 class="utrecht-heading-3" safe>
      {props.text}
    </h3>
  );
}

/**
 * One audit line as a table row; before and after in a disclosure that works without JavaScript. `headingLevel` is
 * the level of "Voor" and "Na": 3 under an h2 (the history of an edit page), 2 straight under the page's h1.
 */
export function AuditTable(props: { regels: AuditRegel[]; label: string; headingLevel?: 2 | 3 }): JSX.Element {
  const level = props.headingLevel ?? 3;
  return (
    <IfAny items={props.regels} none={t('audit.leeg')}>
      <Table label={props.label} columns={[t('audit.tijdstip'), t('audit.wie'), t('audit.actie'), t('audit.wat'), t('audit.details')]}>
        {props.regels.map((r) => (
          <tr class="utrecht-table__row">
            <td class="utrecht-table__cell" safe>{formatDateTime(r.tijdstip)}</td>
            <td class="utrecht-table__cell" safe>{`${r.gebruikerNaam ?? t('audit.onbekend')}${r.ip ? ` (${r.ip})` : ''}`}</td>
            <td class="utrecht-table__cell" safe>{r.actie}</td>
            <td class="utrecht-table__cell" safe>{[r.objectType, r.omschrijving].filter(Boolean).join(': ')}</td>
            <td class="utrecht-table__cell">
              {r.voor || r.na ? (
                <details>
                  <summary safe>{t('audit.voorEnNa')}</summary>
                  <div class="lea-diff">
                    <div class="lea-diff__kolom">
                      <DiffHeading level={level} text={t('audit.voor')} />
                      <pre class="lea-pre" safe>{asJson(r.voor)}</pre>
                    </div>
                    <div class="lea-diff__kolom">
                      <DiffHeading level={level} text={t('audit.na')} />
                      <pre class="lea-pre" safe>{asJson(r.na)}</pre>
                    </div>
                  </div>
                </details>
              ) : (
                ''
              )}
            </td>
          </tr>
        ))}
      </Table>
    </IfAny>
  );
}
