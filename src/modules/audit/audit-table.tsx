import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/dates.js';
import { IfAny } from '../../views/if-any.js';
import { Table } from '../../views/table.js';
import type { AuditRegel } from './audit.repository.js';

function asJson(value: unknown): string {
  return value ? JSON.stringify(value, null, 2) : '–';
}

/** One audit line as a table row; before and after in a disclosure that works without JavaScript. */
export function AuditTable(props: { regels: AuditRegel[]; label: string }): JSX.Element {
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
                      <h3 class="utrecht-heading-3" safe>{t('audit.voor')}</h3>
                      <pre class="lea-pre" safe>{asJson(r.voor)}</pre>
                    </div>
                    <div class="lea-diff__kolom">
                      <h3 class="utrecht-heading-3" safe>{t('audit.na')}</h3>
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

