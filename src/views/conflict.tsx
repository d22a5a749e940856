import { t } from '../i18n/index.js';
import { Table } from './table.js';

/** Both versions side by side after a refused save: what is stored now, and what this user typed. */
export function ConflictNotice(props: { fields: { label: string; stored: string; typed: string }[] }): JSX.Element {
  const changed = props.fields.filter((f) => f.stored !== f.typed);
  return (
    <div class="utrecht-alert utrecht-alert--warning lea-conflict" role="alert" tabindex="-1" id="conflict" aria-labelledby="conflict-titel">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2" id="conflict-titel" safe>
          {t('bewerken.conflict.titel')}
        </h2>
        <p class="utrecht-paragraph" safe>
          {t('bewerken.conflict.uitleg')}
        </p>
        <Table labelledBy="conflict-titel" columns={[t('bewerken.conflict.veld'), t('bewerken.conflict.opgeslagen'), t('bewerken.conflict.uwVersie')]}>
          {changed.map((f) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row" safe>{f.label}</th>
              <td class="utrecht-table__cell">
                <pre class="lea-pre" safe>{f.stored || '–'}</pre>
              </td>
              <td class="utrecht-table__cell">
                <pre class="lea-pre" safe>{f.typed || '–'}</pre>
              </td>
            </tr>
          ))}
        </Table>
      </div>
    </div>
  );
}
