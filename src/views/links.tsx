/** A link with a short visible text ("Bewerken") and what it is about for screen readers (GOV.UK's visually hidden context). */
export function ContextLink(props: { href: string; label: string; context: string }): JSX.Element {
  return (
    <a class="utrecht-link" href={props.href}>
      <span safe>{props.label}</span>
      <span class="lea-visually-hidden" safe>{props.context}</span>
    </a>
  );
}

/** A link on a line of its own, as the "add" and "edit" links under a heading or a list are; with `context`, a ContextLink. */
export function LinkParagraph(props: { href: string; label: string; context?: string }): JSX.Element {
  return (
    <p class="utrecht-paragraph">
      {props.context === undefined ? (
        <a class="utrecht-link" href={props.href} safe>
          {props.label}
        </a>
      ) : (
        <ContextLink href={props.href} label={props.label} context={props.context} />
      )}
    </p>
  );
}

/** A link that looks like a button, on a line of its own: the main way onwards from a page, or a "new" action. */
export function ButtonLink(props: { href: string; label: string; variant: 'primary' | 'secondary' }): JSX.Element {
  return (
    <p class="utrecht-paragraph">
      <a class={`utrecht-button utrecht-button--${props.variant}-action`} href={props.href} safe>
        {props.label}
      </a>
    </p>
  );
}
