import type { Children } from '@kitajs/html';

/** A list or table only when there is something in it; else the one sentence saying there is nothing (no empty lists). */
export function IfAny(props: { items: readonly unknown[]; none: string; children: Children }): JSX.Element {
  if (props.items.length === 0) {
    return (
      <p class="utrecht-paragraph" safe>
        {props.none}
      </p>
    );
  }
  return <>{props.children}</>;
}
