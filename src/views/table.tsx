import type { Children } from '@kitajs/html';

/** The header row of a data table: one column header per name. */
function TableHead(props: { columns: string[] }): JSX.Element {
  return (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        {props.columns.map((column) => (
          <th class="utrecht-table__header-cell" scope="col" safe>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A data table with its column headers, in a named region that keyboard users can focus (the scroll box of a wide table). */
export function Table(
  props: ({ label: string; labelledBy?: undefined } | { labelledBy: string; label?: undefined }) & {
    columns: string[];
    /** A caption for screen readers only. */
    caption?: string;
    /** Ruled rows with a minimum width, scrolling sideways in their container (the governance tables). */
    ruled?: boolean;
    children: Children;
  },
): JSX.Element {
  return (
    <div
      class={props.ruled ? 'utrecht-table-container lea-table-scroll' : 'lea-table-scroll'}
      role="region"
      aria-label={props.label}
      aria-labelledby={props.labelledBy}
      tabindex="0"
    >
      <table class={props.ruled ? 'utrecht-table utrecht-table--html-table lea-table' : 'utrecht-table utrecht-table--html-table'}>
        {props.caption ? (
          <caption class="utrecht-table__caption lea-visually-hidden" safe>
            {props.caption}
          </caption>
        ) : (
          ''
        )}
        <TableHead columns={props.columns} />
        <tbody class="utrecht-table__body">{props.children}</tbody>
      </table>
    </div>
  );
}
