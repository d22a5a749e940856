import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/dates.js';
import type { AuditRegel } from './audit.repository.js';

function asJson(value: unknown): string {
  return value ? JSON.stringify(value, null, 2) : '–';
}

/** One audit line as a table row; before and after in a disclosure that works without JavaScript. */
export function AuditTable(props: { regels: AuditRegel[]; label: string }): JSX.Element {
  if (props.regels.length === 0) {
    return (
      <p class="utrecht-paragraph" safe>
        {t('audit.leeg')}
      </p>
    );
  }
  return (
    <div class="lea-table-scroll" role="region" aria-label={props.label} tabindex="0">
      <table class="utrecht-table utrecht-table--html-table">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col" safe>{t('audit.tijdstip')}</th>
            <th class="utrecht-table__header-cell" scope="col" safe>{t('audit.wie')}</th>
            <th class="utrecht-table__header-cell" scope="col" safe>{t('audit.actie')}</th>
            <th class="utrecht-table__header-cell" scope="col" safe>{t('audit.wat')}</th>
            <th class="utrecht-table__header-cell" scope="col" safe>{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
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
        </tbody>
      </table>
    </div>
  );
}

