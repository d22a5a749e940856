import { t } from '../../../i18n/index.js';
import { IfAny } from '../../../views/if-any.js';
import { Section } from '../../../views/layout.js';
import { ContextLink, LinkParagraph } from '../../../views/links.js';
import type { Actielijn } from '../agenda.service.js';

/** Under an actielijn's form: its focusdoelen and betrokkenen, each with a link to change it, and links to add. */
export function ActielijnSections(props: { actielijn: Actielijn | undefined; nummer: number; max: number }): JSX.Element {
  const focusdoelen = props.actielijn?.focusdoelen ?? [];
  const betrokkenen = props.actielijn?.betrokkenen ?? [];
  const base = `/actielijnen/${props.nummer}`;
  return (
    <>
      <Section id="focusdoelen" title={t('bewerken.focusdoelen')} prose={false}>
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
      </Section>
      <Section id="betrokkenen" title={t('actielijn.betrokkenen')} prose={false}>
        <IfAny items={betrokkenen} none={t('actielijn.geenBetrokkenen')}>
          <ul class="utrecht-unordered-list">
            {betrokkenen.map((b) => (
              <li>
                <span safe>{b.naam}</span>{' '}
                <ContextLink href={`/betrokkenen/${b.id}/bewerken`} label={t('bewerken.knop')} context={`: ${b.naam}`} />
              </li>
            ))}
          </ul>
        </IfAny>
        <LinkParagraph href={`${base}/betrokkenen/nieuw`} label={t('betrokkeneBewerken.nieuw')} />
      </Section>
    </>
  );
}
