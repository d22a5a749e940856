import { t } from '../../../i18n/index.js';
import { renderMarkdown } from '../../../lib/markdown.js';
import { IfAny } from '../../../views/if-any.js';
import { Layout, PageHeading, Section } from '../../../views/layout.js';
import { LinkParagraph } from '../../../views/links.js';
import type { PageContext } from '../../../views/page-context.js';
import { heeftPermissie } from '../../auth/permissions.js';
import { gremiumScope } from '../gremium-scope.js';
import type { Governance, Gremium, GremiumRelatie } from '../governance.service.js';
import { layoutDiagram } from '../structure-diagram.js';
import { EditLink, OVERZICHT } from './governance-edit-pages.js';
import { StructureSvg } from './structure-svg.js';

export function describeRelatie(relatie: GremiumRelatie, gremia: Gremium[]): string {
  const van = gremia.find((g) => g.id === relatie.vanGremiumId)?.naam ?? '';
  const naar = gremia.find((g) => g.id === relatie.naarGremiumId)?.naam ?? '';
  return t('relatie.zin', { van, soort: t(`relatie.${relatie.soort}`), naar });
}

/** How gremia hang together, one sentence each, with its toelichting; for editors with a link to change it. */
export function RelatieList(props: { relaties: GremiumRelatie[]; gremia: Gremium[]; editable?: boolean }): JSX.Element {
  return (
    <IfAny items={props.relaties} none={t('structuur.geenRelaties')}>
      <ul class="utrecht-unordered-list">
        {props.relaties.map((relatie) => {
          const zin = describeRelatie(relatie, props.gremia);
          return (
            <li class="utrecht-unordered-list__item">
              <span safe>{zin}</span>
              {relatie.omschrijving ? <span class="lea-toelichting" safe>{`: ${relatie.omschrijving}`}</span> : ''}
              {props.editable ? (
                <>
                  {' '}
                  <EditLink href={`/gremium-relaties/${relatie.id}/bewerken`} naam={zin} />
                </>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ul>
    </IfAny>
  );
}

function Field({ label, value }: { label: string; value: string | null }): JSX.Element {
  return (
    <div class="lea-facts__item">
      <dt safe>{label}</dt>
      {value ? <dd safe>{value}</dd> : <dd class="lea-leeg" safe>{t('structuur.nietVastgelegd')}</dd>}
    </div>
  );
}

/** A field written in markdown (omschrijving, opdracht, mandaat), rendered to sanitised HTML. */
function MarkdownField({ label, value }: { label: string; value: string | null }): JSX.Element {
  if (!value) return <Field label={label} value={null} />;
  const safeHtml = renderMarkdown(value);
  return (
    <div class="lea-facts__item">
      <dt safe>{label}</dt>
      <dd class="lea-markdown">{safeHtml}</dd>
    </div>
  );
}

export function StructuurPage({ ctx, governance }: { ctx: PageContext; governance: Governance }): JSX.Element {
  const title = t('structuur.titel');
  const figuur = t('structuur.figuur', { gemeente: ctx.gemeenteNaam ?? '' });
  const sentences = governance.relaties.map((relatie) => describeRelatie(relatie, governance.gremia));
  const layout = layoutDiagram(governance);
  return (
    <Layout {...ctx} title={title} breadcrumbs={[{ href: '/', label: t('nav.home') }, { href: '/structuur', label: t('nav.structuur') }]}>
      <PageHeading title={title} intro={t('structuur.intro')} lead />
      {heeftPermissie(ctx.user?.rollen, 'governance.bewerken') ? <LinkParagraph href={OVERZICHT} label={t('governance.overzicht.link')} /> : ''}
      <figure class="lea-figure">
        <div class="lea-figure__scroll" role="region" aria-label={figuur} tabindex="0">
          <StructureSvg layout={layout} title={figuur} description={sentences.join('. ')} />
        </div>
        <figcaption class="lea-figure__caption" safe>
          {figuur}
        </figcaption>
      </figure>

      <Section id="tekstversie" title={t('structuur.tekstversie')}>
        <h3 class="utrecht-heading-3" safe>
          {t('structuur.relaties')}
        </h3>
        <RelatieList relaties={governance.relaties} gremia={governance.gremia} />
      </Section>

      <Section id="gremia" title={t('structuur.gremia')} prose={false}>
        {governance.gremia.map((gremium) => (
          <section class="lea-gremium" id={`gremium-${gremium.slug}`} aria-labelledby={`gremium-${gremium.slug}-titel`}>
            <h3 class="utrecht-heading-3" id={`gremium-${gremium.slug}-titel`}>
              <a class="utrecht-link" href={`/structuur/${gremium.slug}`} safe>
                {gremium.naam}
              </a>{' '}
              <span class="lea-label" safe>
                {t(`gremiumType.${gremium.type}`)}
              </span>
            </h3>
            <GremiumEditLink ctx={ctx} gremium={gremium} />
            <GremiumFacts gremium={gremium} governance={governance} />
          </section>
        ))}
      </Section>
    </Layout>
  );
}

function GremiumEditLink({ ctx, gremium }: { ctx: PageContext; gremium: Gremium }): JSX.Element {
  if (!gremiumScope(ctx.user?.rollen, gremium.id)) return <></>;
  return (
    <p class="utrecht-paragraph">
      <EditLink href={`/gremia/${gremium.id}/bewerken`} naam={gremium.naam} />
    </p>
  );
}

/** What the LEA records of a gremium: omschrijving, opdracht, mandaat (markdown), how often it meets, its members. */
function GremiumFacts({ gremium, governance }: { gremium: Gremium; governance: Governance }): JSX.Element {
  const leden = governance.lidmaatschappen.filter((l) => l.gremiumId === gremium.id).length;
  return (
    <dl class="lea-facts lea-facts--stapel">
      {gremium.omschrijving ? <MarkdownField label={t('structuur.omschrijving')} value={gremium.omschrijving} /> : ''}
      <MarkdownField label={t('structuur.opdracht')} value={gremium.opdracht} />
      <MarkdownField label={t('structuur.mandaat')} value={gremium.mandaat} />
      <Field label={t('structuur.frequentie')} value={gremium.vergaderfrequentie} />
      {leden > 0 ? (
        <div class="lea-facts__item">
          <dt safe>{t('structuur.leden')}</dt>
          <dd>
            {gremium.type === 'stuurgroep' ? (
              <a class="utrecht-link" href="/stuurgroep" safe>
                {t('stuurgroep.leden', { aantal: leden })}
              </a>
            ) : (
              <span safe>{t('stuurgroep.leden', { aantal: leden })}</span>
            )}
          </dd>
        </div>
      ) : (
        ''
      )}
    </dl>
  );
}

/** The page of one gremium, at /structuur/{slug}: its facts and how it hangs together with the others. */
export function GremiumPage({ ctx, governance, gremium }: { ctx: PageContext; governance: Governance; gremium: Gremium }): JSX.Element {
  const relaties = governance.relaties.filter((r) => r.vanGremiumId === gremium.id || r.naarGremiumId === gremium.id);
  return (
    <Layout
      {...ctx}
      title={gremium.naam}
      breadcrumbs={[
        { href: '/', label: t('nav.home') },
        { href: '/structuur', label: t('nav.structuur') },
        { href: `/structuur/${gremium.slug}`, label: gremium.naam },
      ]}
    >
      <PageHeading title={gremium.naam} intro={t(`gremiumType.${gremium.type}`)} lead />
      <GremiumEditLink ctx={ctx} gremium={gremium} />
      <GremiumFacts gremium={gremium} governance={governance} />
      <Section id="relaties" title={t('structuur.relaties')} prose={false}>
        <RelatieList relaties={relaties} gremia={governance.gremia} />
      </Section>
    </Layout>
  );
}
