import { t } from '../../../i18n/index.js';
import { Notice } from '../../../views/form.js';
import { Layout, Section } from '../../../views/layout.js';
import { ContextLink, LinkParagraph } from '../../../views/links.js';
import { heeftPermissie } from '../../auth/permissions.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Agenda } from '../agenda.service.js';

export function OabPage({ ctx, agenda, notice }: { ctx: PageContext; agenda: Agenda; notice?: string | undefined }): JSX.Element {
  const { jaren, categorieen, afspraken } = agenda.oab;
  const years = [...new Set([...jaren.map((j) => j.jaar), ...afspraken.map((a) => a.jaar)])].sort((a, b) => b - a);
  const title = t('oab.titel');
  const editor = heeftPermissie(ctx.user?.rollen, 'agenda.bewerken');
  return (
    <Layout {...ctx} title={title} breadcrumbs={[{ href: '/', label: t('nav.home') }, { href: '/oab-afspraken', label: t('oab.kort') }]}>
      <Notice text={notice} />
      <h1 class="utrecht-heading-1" safe>
        {title}
      </h1>
      {editor ? <LinkParagraph href="/oab-afspraken/nieuw" label={t('oabBewerken.nieuw')} /> : ''}
      {years.length === 0 ? (
        <p class="utrecht-paragraph" safe>
          {t('oab.geen')}
        </p>
      ) : (
        ''
      )}
      {years.map((jaar) => {
        const toelichting = jaren.find((j) => j.jaar === jaar)?.toelichting;
        return (
          <Section id={`oab-${jaar}`} title={t('oab.jaar', { jaar })}>
            {toelichting ? (
              <p class="utrecht-paragraph" safe>
                {toelichting}
              </p>
            ) : (
              ''
            )}
            {editor ? (
              <LinkParagraph href={`/oab-afspraken/jaren/${jaar}/bewerken`} label={t('oabBewerken.toelichtingBewerken')} context={` ${t('oabBewerken.toelichtingVan', { jaar })}`} />
            ) : (
              ''
            )}
            {categorieen.map((categorie) => {
              const items = afspraken.filter((a) => a.jaar === jaar && a.categorieId === categorie.id);
              if (items.length === 0) return '';
              return (
                <section aria-labelledby={`oab-${jaar}-${categorie.code}`}>
                  <h3 class="utrecht-heading-3" id={`oab-${jaar}-${categorie.code}`} safe>
                    {categorie.naam}
                  </h3>
                  <ol class="utrecht-ordered-list lea-oab-lijst">
                    {items.map((afspraak) =>
                      editor ? (
                        <li class="utrecht-ordered-list__item" value={String(afspraak.nummer)}>
                          <span safe>{afspraak.tekst}</span>{' '}
                          <ContextLink
                            href={`/oab-afspraken/${afspraak.id}/bewerken`}
                            label={t('bewerken.knop')}
                            context={` ${t('oabBewerken.bewerkenVan', { nummer: afspraak.nummer, categorie: categorie.naam })}`}
                          />
                        </li>
                      ) : (
                        <li class="utrecht-ordered-list__item" value={String(afspraak.nummer)} safe>
                          {afspraak.tekst}
                        </li>
                      ),
                    )}
                  </ol>
                </section>
              );
            })}
          </Section>
        );
      })}
    </Layout>
  );
}
