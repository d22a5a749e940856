/** The actielijn's title with its key phrase emphasised, as the agenda document prints it. */
export function ActielijnTitel({ titel, kernwoord }: { titel: string; kernwoord: string | null }): JSX.Element {
  const at = kernwoord ? titel.indexOf(kernwoord) : -1;
  if (!kernwoord || at < 0) return <span safe>{titel}</span>;
  return (
    <span>
      <span safe>{titel.slice(0, at)}</span>
      <strong safe>{kernwoord}</strong>
      <span safe>{titel.slice(at + kernwoord.length)}</span>
    </span>
  );
}
