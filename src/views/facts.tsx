/** Facts about one thing as label and value pairs in a definition list: an account, a user, a sent mail. */
export function Facts(props: { facts: { label: string; value: string }[] }): JSX.Element {
  return (
    <dl class="lea-facts">
      {props.facts.map((fact) => (
        <>
          <dt safe>{fact.label}</dt>
          <dd safe>{fact.value}</dd>
        </>
      ))}
    </dl>
  );
}
