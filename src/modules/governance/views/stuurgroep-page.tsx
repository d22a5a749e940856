import { t } from '../../../i18n/index.js';
import { Layout, Section } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Governance, Gremium } from '../governance.service.js';
import { describeNamens } from './namens.js';

export function StuurgroepPage(props: {
  ctx: PageContext;
  governance: Governance;
  stuurgroep: Gremium | undefined;
  toelichting: string | null;
}): JSX.Element {
  const { governance, stuurgroep } = props;
  const title = stuurgroep?.naam ?? t('stuurgroep.titel');
  const breadcrumbs = [
    { href: '/', label: t('nav.home') },
    { href: '/stuurgroep', label: t('nav.stuurgroep') },
  ];
  if (!stuurgroep) {
    return (
      <Layout {...props.ctx} title={title} breadcrumbs={breadcrumbs}>
        <h1 class="utrecht-heading-1" safe>
          {title}
        </h1>
        <p class="utrecht-paragraph" safe>
          {t('stuurgroep.geen')}
        </p>
      </Layout>
    );
  }
  const leden = governance.lidmaatschappen.filter((l) => l.gremiumId === stuurgroep.id);
  return (
    <Layout {...props.ctx} title={title} breadcrumbs={breadcrumbs}>
      <h1 class="utrecht-heading-1" safe>
        {title}
      </h1>
      {props.toelichting ? (
        <p class="utrecht-paragraph lea-intro" safe>
          {props.toelichting}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="samenstelling">
        <h2 class="utrecht-heading-2" id="samenstelling" safe>
          {t('stuurgroep.samenstelling')}
        </h2>
        <div
          class="utrecht-table-container lea-table-scroll"
          role="region"
          aria-label={t('stuurgroep.tabel', { gremium: title })}
          tabindex="0"
        >
          <table class="utrecht-table utrecht-table--html-table lea-table">
            <caption class="utrecht-table__caption lea-visually-hidden" safe>
              {`${title}: ${t('stuurgroep.leden', { aantal: leden.length })}`}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell" safe>
                  {t('stuurgroep.naam')}
                </th>
                <th scope="col" class="utrecht-table__header-cell" safe>
                  {t('stuurgroep.functie')}
                </th>
                <th scope="col" class="utrecht-table__header-cell" safe>
                  {t('stuurgroep.namens')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {leden.map((lid) => {
                const persoon = governance.personen.find((p) => p.id === lid.persoonId);
                const organisatie = governance.organisaties.find((o) => o.id === persoon?.organisatieId);
                const functie = [persoon?.functie, organisatie?.naam].filter(Boolean).join(', ');
                return (
                  <tr class="utrecht-table__row">
                    <th scope="row" class="utrecht-table__header-cell lea-table__naam" safe>
                      {persoon?.naam ?? ''}
                    </th>
                    <td class="utrecht-table__cell" safe>
                      {functie}
                    </td>
                    <td class="utrecht-table__cell" safe>
                      {describeNamens(lid.namens, governance)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {stuurgroep.opdracht ? <Section id="taak" title={t('stuurgroep.taak')} text={stuurgroep.opdracht} /> : ''}
      {stuurgroep.omschrijving ? (
        <Section id="overleg" title={t('stuurgroep.overleg')} text={stuurgroep.omschrijving}>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/structuur" safe>
              {t('structuur.titel')}
            </a>
          </p>
        </Section>
      ) : (
        ''
      )}
    </Layout>
  );
}
