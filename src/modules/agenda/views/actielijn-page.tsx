import { heeftPermissie } from '../../auth/permissions.js';
import { t } from '../../../i18n/index.js';
import { formatYears } from '../../../lib/dates.js';
import { IfAny } from '../../../views/if-any.js';
import { Layout, Section } from '../../../views/layout.js';
import { LinkParagraph } from '../../../views/links.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Actielijn, Agenda } from '../agenda.service.js';
import { ActielijnTitel } from './actielijn-title.js';

export interface BetrokkeneLink {
  naam: string;
  href: string | null;
}

export function ActielijnPage(props: {
  ctx: PageContext;
  agenda: Agenda;
  actielijn: Actielijn;
  betrokkenen: BetrokkeneLink[];
}): JSX.Element {
  const { agenda, actielijn: al } = props;
  const ua = agenda.uitvoeringsagenda!;
  const periode = formatYears(ua.periodeStart, ua.periodeEind);
  const ambities = al.ambitieIds.map((id) => agenda.ambities.find((a) => a.id === id)).filter((a) => a !== undefined);
  const index = agenda.actielijnen.findIndex((other) => other.id === al.id);
  const previous = agenda.actielijnen[index - 1];
  const next = agenda.actielijnen[index + 1];
  const label = t('actielijn.titel', { nummer: al.nummer });
  return (
    <Layout
      {...props.ctx}
      title={`${label}: ${al.titel}`}
      description={al.titel}
      breadcrumbs={[
        { href: '/', label: ua.titel },
        { href: `/actielijnen/${al.nummer}`, label },
      ]}
    >
      <h1 class="utrecht-heading-1 lea-actielijn-titel">
        <span class="lea-actielijn-titel__label" safe>
          {`${label}:`}
        </span>{' '}
        <ActielijnTitel titel={al.titel} kernwoord={al.kernwoord} />
      </h1>
      {heeftPermissie(props.ctx.user?.rollen, 'agenda.bewerken') ? (
        <LinkParagraph href={`/actielijnen/${al.nummer}/bewerken`} label={t('bewerken.actielijn.titel', { nummer: al.nummer })} />
      ) : (
        ''
      )}

      <dl class="lea-facts">
        <div class="lea-facts__item">
          <dt safe>{ambities.length === 1 ? t('actielijn.ambities') : t('actielijn.ambitiesMeer')}</dt>
          <dd>
            <ul class="lea-ambitie-labels">
              {ambities.map((a) => (
                <li class="lea-label" safe>
                  {a.naam}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      <Section id="beleidsthema" title={t('actielijn.beleidsthema')} text={al.beleidsthema} />

      <Section
        id="focusdoelen"
        title={al.focusdoelen.length === 1 ? t('actielijn.focusdoel', { periode }) : t('actielijn.focusdoelen', { periode })}
      >
        <IfAny items={al.focusdoelen} none={t('actielijn.geenFocusdoelen')}>
          <ol class="lea-focusdoelen">
            {al.focusdoelen.map((fd) => (
              <li class="lea-focusdoel" id={`focusdoel-${fd.positie}`}>
                <p class="utrecht-paragraph" safe>
                  {fd.tekst}
                </p>
                {fd.subpunten.length > 0 ? (
                  <ul class="utrecht-unordered-list lea-subpunten">
                    {fd.subpunten.map((sp) => (
                      <li class="utrecht-unordered-list__item" safe>
                        {sp.tekst}
                      </li>
                    ))}
                  </ul>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ol>
        </IfAny>
      </Section>

      <Section id="betrokkenen" title={t('actielijn.betrokkenen')} prose={false}>
        <IfAny items={props.betrokkenen} none={t('actielijn.geenBetrokkenen')}>
          <ul class="utrecht-unordered-list lea-betrokkenen">
            {props.betrokkenen.map((b) => (
              <li class="utrecht-unordered-list__item">
                {b.href ? (
                  <a class="utrecht-link" href={b.href} safe>
                    {b.naam}
                  </a>
                ) : (
                  <span safe>{b.naam}</span>
                )}
              </li>
            ))}
          </ul>
        </IfAny>
      </Section>

      <nav class="lea-pager" aria-label={t('home.actielijnen')}>
        {previous ? <PagerLink actielijn={previous} direction="vorige" /> : ''}
        {next ? <PagerLink actielijn={next} direction="volgende" /> : ''}
      </nav>
    </Layout>
  );
}

/** A link to the previous or next actielijn, with the direction spelled out. */
function PagerLink({ actielijn, direction }: { actielijn: Actielijn; direction: 'vorige' | 'volgende' }): JSX.Element {
  return (
    <a
      class={`utrecht-link lea-pager__link lea-pager__link--${direction}`}
      href={`/actielijnen/${actielijn.nummer}`}
      rel={direction === 'vorige' ? 'prev' : 'next'}
    >
      <span class="lea-pager__richting" safe>
        {t(direction === 'vorige' ? 'actielijn.vorige' : 'actielijn.volgende')}
      </span>
      <span safe>{`${actielijn.nummer}. ${actielijn.titel}`}</span>
    </a>
  );
}
