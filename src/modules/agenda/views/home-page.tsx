import { t } from '../../../i18n/index.js';
import { formatPeriod } from '../../../lib/dates.js';
import { MessagePage } from '../../../views/error-page.js';
import { Notice } from '../../../views/form.js';
import { Layout, Section } from '../../../views/layout.js';
import { LinkParagraph } from '../../../views/links.js';
import { heeftPermissie } from '../../auth/permissions.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Agenda } from '../agenda.service.js';
import { ActielijnTitel } from './actielijn-title.js';

export function HomePage({ ctx, agenda, notice }: { ctx: PageContext; agenda: Agenda; notice?: string | undefined }): JSX.Element {
  const ua = agenda.uitvoeringsagenda;
  if (!ua) {
    return <MessagePage ctx={ctx} title={t('home.titel')} text={t('home.geenAgenda')} />;
  }
  const ambitieNaam = new Map(agenda.ambities.map((a) => [a.id, a.naam]));
  const editor = heeftPermissie(ctx.user?.rollen, 'agenda.bewerken');
  const ambitiesKop =
    agenda.ambities.length === 3 ? t('home.ambities') : agenda.ambities.length === 1 ? t('home.ambitieEen') : t('home.ambitiesAantal', { aantal: agenda.ambities.length });
  const actielijnenKop = agenda.actielijnen.length === 6 ? t('home.actielijnen') : t('home.actielijnenAantal', { aantal: agenda.actielijnen.length });
  return (
    <Layout {...ctx} title={ua.titel} breadcrumbs={[]} description={`${ua.titel}: ${formatPeriod(ua.periodeStart, ua.periodeEind)}`}>
      <Notice text={notice} />
      <h1 class="utrecht-heading-1" safe>
        {ua.titel}
      </h1>
      <dl class="lea-facts">
        <div class="lea-facts__item">
          <dt safe>{t('home.periode')}</dt>
          <dd safe>{formatPeriod(ua.periodeStart, ua.periodeEind)}</dd>
        </div>
        {ua.overkoepelendThema ? (
          <div class="lea-facts__item">
            <dt safe>{t('home.thema')}</dt>
            <dd class="lea-facts__thema" safe>
              {ua.overkoepelendThema}
            </dd>
          </div>
        ) : (
          ''
        )}
        <div class="lea-facts__item">
          <dt safe>{t('home.status')}</dt>
          <dd safe>{`${t(`status.${ua.status}`)}, ${t('home.versie').toLowerCase()} ${ua.versie}`}</dd>
        </div>
        {agenda.visiedocument ? (
          <div class="lea-facts__item">
            <dt safe>{t('home.visie')}</dt>
            <dd safe>{agenda.visiedocument.titel}</dd>
          </div>
        ) : (
          ''
        )}
      </dl>
      {editor ? <LinkParagraph href={`/uitvoeringsagendas/${ua.id}/bewerken`} label={t('agendaBewerken.link')} /> : ''}

      <Section id="ambities" title={ambitiesKop} prose={false}>
        <ul class="lea-cards lea-cards--ambities">
          {agenda.ambities.map((ambitie) => (
            <li class="lea-card">
              <h3 class="utrecht-heading-3" safe>
                {ambitie.naam}
              </h3>
              <p class="utrecht-paragraph" safe>
                {ambitie.omschrijving}
              </p>
              {editor ? (
                <LinkParagraph href={`/ambities/${ambitie.id}/bewerken`} label={t('bewerken.knop')} context={` ${t('ambitieBewerken.bewerkenVan', { naam: ambitie.naam })}`} />
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
        {editor ? <LinkParagraph href="/ambities/nieuw" label={t('ambitieBewerken.nieuw')} /> : ''}
      </Section>

      <Section id="actielijnen" title={actielijnenKop} prose={false}>
        <ol class="lea-actielijnen">
          {agenda.actielijnen.map((al) => (
            <li class="lea-actielijn-card">
              <h3 class="utrecht-heading-3 lea-actielijn-card__titel">
                <a class="utrecht-link" href={`/actielijnen/${al.nummer}`}>
                  <span class="lea-nummer" safe>{`${al.nummer}.`}</span> <ActielijnTitel titel={al.titel} kernwoord={al.kernwoord} />
                </a>
              </h3>
              <ul class="lea-ambitie-labels" aria-label={t('actielijn.ambitiesMeer')}>
                {al.ambitieIds
                  .filter((id) => ambitieNaam.has(id))
                  .map((id) => (
                    <li class="lea-label" safe>
                      {ambitieNaam.get(id) ?? ''}
                    </li>
                  ))}
              </ul>
              {al.focusdoelen.length > 0 ? (
                <ul class="lea-focusdoelen-kort" aria-label={t(al.focusdoelen.length === 1 ? 'actielijn.focusdoelKort' : 'actielijn.focusdoelenKort', { aantal: al.focusdoelen.length })}>
                  {al.focusdoelen.map((fd) => (
                    <li safe>{fd.tekst}</li>
                  ))}
                </ul>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
        {editor ? <LinkParagraph href="/actielijnen/nieuw" label={t('bewerken.actielijn.nieuw')} /> : ''}
      </Section>

      {ua.voorwoord ? <Section id="voorwoord" title={t('home.voorwoord')} text={ua.voorwoord} /> : ''}
      {ua.evaluatie ? <Section id="evaluatie" title={t('home.evaluatie')} text={ua.evaluatie} /> : ''}
    </Layout>
  );
}
