import { t } from '../../../i18n/index.js';
import { renderMarkdown } from '../../../lib/markdown.js';
import { Layout, Section } from '../../../views/layout.js';
import { LinkParagraph } from '../../../views/links.js';
import type { PageContext } from '../../../views/page-context.js';
import { Table } from '../../../views/table.js';
import { heeftPermissie } from '../../auth/permissions.js';
import type { Governance, Gremium } from '../governance.service.js';
import { OVERZICHT } from './governance-edit-pages.js';
import { describeNamens } from './namens.js';

/** Links to the edit forms, for a user who may edit the governance. */
function EditLinks(props: { ctx: PageContext; stuurgroep: Gremium | undefined }): JSX.Element {
  if (!heeftPermissie(props.ctx.user?.rollen, 'governance.bewerken')) return <></>;
  return (
    <ul class="utrecht-unordered-list">
      {props.stuurgroep ? (
        <li>
          <a class="utrecht-link" href={`/gremia/${props.stuurgroep.id}/bewerken`} safe>
            {t('governance.gremium.titel', { naam: props.stuurgroep.naam })}
          </a>
        </li>
      ) : (
        ''
      )}
      <li>
        <a class="utrecht-link" href={OVERZICHT} safe>
          {t('governance.overzicht.link')}
        </a>
      </li>
    </ul>
  );
}

export function StuurgroepPage(props: {
  ctx: PageContext;
  governance: Governance;
  stuurgroep: Gremium | undefined;
  toelichting: string | null;
  /** persoonId → e-mail address; only for logged-in readers (permission intern.lezen). */
  emails?: Map<string, string> | undefined;
}): JSX.Element {
  const { stuurgroep } = props;
  const title = stuurgroep?.naam ?? t('stuurgroep.titel');
  const breadcrumbs = [
    { href: '/', label: t('nav.home') },
    { href: '/stuurgroep', label: t('nav.stuurgroep') },
  ];
  return (
    <Layout {...props.ctx} title={title} breadcrumbs={breadcrumbs}>
      <h1 class="utrecht-heading-1" safe>
        {title}
      </h1>
      <EditLinks ctx={props.ctx} stuurgroep={stuurgroep} />
      {stuurgroep ? (
        <Stuurgroep governance={props.governance} stuurgroep={stuurgroep} toelichting={props.toelichting} emails={props.emails} />
      ) : (
        <p class="utrecht-paragraph" safe>
          {t('stuurgroep.geen')}
        </p>
      )}
    </Layout>
  );
}

/** What the page tells of the stuurgroep: its toelichting, its members, its task and how it meets. */
function Stuurgroep(props: { governance: Governance; stuurgroep: Gremium; toelichting: string | null; emails: Map<string, string> | undefined }): JSX.Element {
  const { governance, stuurgroep, emails } = props;
  const title = stuurgroep.naam;
  const leden = governance.lidmaatschappen.filter((l) => l.gremiumId === stuurgroep.id);
  // Opdracht and omschrijving are markdown; renderMarkdown gives sanitised HTML (no raw HTML, no script links).
  const safeTaak = stuurgroep.opdracht ? renderMarkdown(stuurgroep.opdracht) : '';
  const safeOverleg = stuurgroep.omschrijving ? renderMarkdown(stuurgroep.omschrijving) : '';
  return (
    <>
      {props.toelichting ? (
        <p class="utrecht-paragraph lea-intro" safe>
          {props.toelichting}
        </p>
      ) : (
        ''
      )}
      <Section id="samenstelling" title={t('stuurgroep.samenstelling')} prose={false}>
        <Table
          ruled
          label={t('stuurgroep.tabel', { gremium: title })}
          caption={`${title}: ${t('stuurgroep.leden', { aantal: leden.length })}`}
          columns={[t('stuurgroep.naam'), t('stuurgroep.functie'), t('stuurgroep.namens'), ...(emails ? [t('governance.kolom.email')] : [])]}
        >
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
                {emails ? <EmailCell email={emails.get(lid.persoonId)} /> : ''}
              </tr>
            );
          })}
        </Table>
      </Section>
      {safeTaak ? (
        <Section id="taak" title={t('stuurgroep.taak')}>
          <div class="lea-markdown">{safeTaak}</div>
        </Section>
      ) : (
        ''
      )}
      {safeOverleg ? (
        <Section id="overleg" title={t('stuurgroep.overleg')}>
          <div class="lea-markdown">{safeOverleg}</div>
          <LinkParagraph href="/structuur" label={t('structuur.titel')} />
        </Section>
      ) : (
        ''
      )}
    </>
  );
}

function EmailCell({ email }: { email: string | undefined }): JSX.Element {
  return (
    <td class="utrecht-table__cell">
      {email ? (
        <a class="utrecht-link" href={`mailto:${email}`} safe>
          {email}
        </a>
      ) : (
        ''
      )}
    </td>
  );
}
