import type { Children } from '@kitajs/html';
import { t } from '../../../i18n/index.js';
import { Notice } from '../../../views/form.js';
import { IfAny } from '../../../views/if-any.js';
import { Layout, PageHeading, Section, type Crumb } from '../../../views/layout.js';
import { ButtonLink, ContextLink, LinkParagraph } from '../../../views/links.js';
import { Table } from '../../../views/table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Governance } from '../governance.service.js';
import { describeNamens, sectorLabel } from './namens.js';
import { RelatieList } from './structuur-page.js';

export const OVERZICHT = '/governance/bewerken';

const home: Crumb = { href: '/', label: t('nav.home') };
const overzicht: Crumb = { href: OVERZICHT, label: t('governance.overzicht.kort') };

/** "Bewerken" with the name of what it edits for screen readers (GOV.UK's visually hidden context). */
export function EditLink(props: { href: string; naam: string }): JSX.Element {
  return <ContextLink href={props.href} label={t('governance.bewerken')} context={`: ${props.naam}`} />;
}

/** One row of an overview table: the name as row header, text cells, any other cells, and the edit link last. */
function EditRow(props: { naam: string; cells: string[]; href: string; editNaam?: string; children?: Children }): JSX.Element {
  return (
    <tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="row" safe>
        {props.naam}
      </th>
      {props.cells.map((cell) => (
        <td class="utrecht-table__cell" safe>
          {cell}
        </td>
      ))}
      {props.children ?? ''}
      <td class="utrecht-table__cell">
        <EditLink href={props.href} naam={props.editNaam ?? props.naam} />
      </td>
    </tr>
  );
}

// --- The overview ------------------------------------------------------------------------------------------------

export function GovernanceOverviewPage(props: { ctx: PageContext; governance: Governance; emails: Map<string, string>; notice?: string | undefined }): JSX.Element {
  const { governance } = props;
  const title = t('governance.overzicht.titel');
  const organisatieNaam = (id: string | null) => governance.organisaties.find((o) => o.id === id)?.naam ?? '';
  return (
    <Layout {...props.ctx} title={title} breadcrumbs={[home, overzicht]}>
      <Notice text={props.notice} />
      <PageHeading title={title} intro={t('governance.overzicht.intro')} lead />

      <Section id="gremia" title={t('governance.gremia')} prose={false}>
        <ButtonLink href="/gremia/nieuw" label={t('governance.gremium.nieuw')} variant="secondary" />
        <Table ruled label={t('governance.tabel', { wat: t('governance.gremia') })} columns={[t('governance.kolom.naam'), t('governance.kolom.soort'), t('governance.kolom.leden'), t('governance.kolom.actie')]}>
          {governance.gremia.map((g) => (
            <EditRow
              naam={g.naam}
              cells={[t(`gremiumType.${g.type}`), String(governance.lidmaatschappen.filter((l) => l.gremiumId === g.id).length)]}
              href={`/gremia/${g.id}/bewerken`}
            />
          ))}
        </Table>
      </Section>

      <Section id="lidmaatschappen" title={t('governance.lidmaatschappen')} prose={false}>
        {governance.gremia.map((g) => {
          const leden = governance.lidmaatschappen.filter((l) => l.gremiumId === g.id);
          return (
            <>
              <h3 class="utrecht-heading-3" safe>
                {g.naam}
              </h3>
              <Leden governance={governance} leden={leden} label={g.naam} />
              <LinkParagraph href={`/gremia/${g.id}/lidmaatschappen/nieuw`} label={t('governance.lidmaatschap.nieuw')} context={`: ${g.naam}`} />
            </>
          );
        })}
      </Section>

      <Section id="organisaties" title={t('governance.organisaties')} prose={false}>
        <ButtonLink href="/organisaties/nieuw" label={t('governance.organisatie.nieuw')} variant="secondary" />
        <Table ruled label={t('governance.tabel', { wat: t('governance.organisaties') })} columns={[t('governance.kolom.naam'), t('governance.kolom.sectoren'), t('governance.kolom.actie')]}>
          {governance.organisaties.map((o) => (
            <EditRow naam={o.naam} cells={[o.sectoren.map(sectorLabel).join(', ') || '–']} href={`/organisaties/${o.id}/bewerken`} />
          ))}
        </Table>
      </Section>

      <Section id="personen" title={t('governance.personen')} prose={false}>
        <ButtonLink href="/personen/nieuw" label={t('governance.persoon.nieuw')} variant="secondary" />
        <Table
          ruled
          label={t('governance.tabel', { wat: t('governance.personen') })}
          columns={[t('governance.kolom.naam'), t('governance.kolom.functie'), t('governance.kolom.organisatie'), t('governance.kolom.email'), t('governance.kolom.actie')]}
        >
          {governance.personen.map((p) => {
            const email = props.emails.get(p.id);
            return (
              <EditRow naam={p.naam} cells={[p.functie ?? '–', organisatieNaam(p.organisatieId) || '–']} href={`/personen/${p.id}/bewerken`}>
                <td class="utrecht-table__cell">
                  {email ? (
                    <a class="utrecht-link" href={`mailto:${email}`} safe>
                      {email}
                    </a>
                  ) : (
                    '–'
                  )}
                </td>
              </EditRow>
            );
          })}
        </Table>
      </Section>
    </Layout>
  );
}

/** The members of one gremium with their rol, whom they represent and an edit link. */
function Leden(props: { governance: Governance; leden: Governance['lidmaatschappen']; label: string }): JSX.Element {
  return (
    <IfAny items={props.leden} none={t('governance.gremium.geenLeden')}>
      <Table ruled label={t('governance.tabel', { wat: props.label })} columns={[t('governance.kolom.naam'), t('governance.kolom.rol'), t('governance.kolom.namens'), t('governance.kolom.actie')]}>
        {props.leden.map((l) => {
          const naam = props.governance.personen.find((p) => p.id === l.persoonId)?.naam ?? '';
          return (
            <EditRow
              naam={naam}
              cells={[t(`rol.${l.rol}`), describeNamens(l.namens, props.governance)]}
              href={`/lidmaatschappen/${l.id}/bewerken`}
              editNaam={t('governance.lidmaatschap.bewerkenLabel', { naam })}
            />
          );
        })}
      </Table>
    </IfAny>
  );
}

/** Under a gremium's form: its members and its relations with other gremia, each with a link to change or add. */
export function GremiumSections(props: { gremiumId: string; governance: Governance }): JSX.Element {
  const { governance, gremiumId } = props;
  const relaties = governance.relaties.filter((r) => r.vanGremiumId === gremiumId || r.naarGremiumId === gremiumId);
  return (
    <>
      <Section id="leden" title={t('governance.gremium.leden')} prose={false}>
        <Leden governance={governance} leden={governance.lidmaatschappen.filter((l) => l.gremiumId === gremiumId)} label={t('governance.gremium.leden')} />
        <LinkParagraph href={`/gremia/${gremiumId}/lidmaatschappen/nieuw`} label={t('governance.lidmaatschap.nieuw')} />
      </Section>
      <Section id="relaties" title={t('governance.relatie.kop')} prose={false}>
        <RelatieList relaties={relaties} gremia={governance.gremia} editable />
        <LinkParagraph href={`/gremia/${gremiumId}/relaties/nieuw`} label={t('governance.relatie.nieuw')} />
      </Section>
    </>
  );
}
