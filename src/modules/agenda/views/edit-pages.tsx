import { t } from '../../../i18n/index.js';
import { ContextLink, LinkParagraph } from '../../../views/links.js';
import type { Actielijn } from '../agenda.service.js';

/** Under an actielijn's form: its focusdoelen and betrokkenen, each with a link to change it, and links to add. */
export function ActielijnSections(props: { actielijn: Actielijn | undefined; nummer: number; max: number }): JSX.Element {
  const focusdoelen = props.actielijn?.focusdoelen ?? [];
  const betrokkenen = props.actielijn?.betrokkenen ?? [];
  const base = `/actielijnen/${props.nummer}`;
  return (
    <>
      <section aria-labelledby="focusdoelen">
        <h2 class="utrecht-heading-2" id="focusdoelen" safe>
          {t('bewerken.focusdoelen')}
        </h2>
        <ol class="utrecht-ordered-list">
          {focusdoelen.map((f) => (
            <li>
              <span safe>{f.tekst}</span>{' '}
              <a class="utrecht-link" href={`/focusdoelen/${f.id}/bewerken`} aria-label={t('bewerken.focusdoel.bewerkenLabel', { positie: f.positie })} safe>
                {t('bewerken.knop')}
              </a>
            </li>
          ))}
        </ol>
        {focusdoelen.length < props.max ? (
          <LinkParagraph href={`${base}/focusdoelen/nieuw`} label={t('bewerken.focusdoel.nieuw')} />
        ) : (
          <p class="utrecht-paragraph" safe>
            {t('bewerken.maxFocusdoelen.tekst', { max: props.max })}
          </p>
        )}
      </section>
      <section aria-labelledby="betrokkenen">
        <h2 class="utrecht-heading-2" id="betrokkenen" safe>
          {t('actielijn.betrokkenen')}
        </h2>
        {betrokkenen.length === 0 ? (
          <p class="utrecht-paragraph" safe>
            {t('actielijn.geenBetrokkenen')}
          </p>
        ) : (
          <ul class="utrecht-unordered-list">
            {betrokkenen.map((b) => (
              <li>
                <span safe>{b.naam}</span>{' '}
                <ContextLink href={`/betrokkenen/${b.id}/bewerken`} label={t('bewerken.knop')} context={`: ${b.naam}`} />
              </li>
            ))}
          </ul>
        )}
        <LinkParagraph href={`${base}/betrokkenen/nieuw`} label={t('betrokkeneBewerken.nieuw')} />
      </section>
    </>
  );
}
