import { t } from '../../../i18n/index.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';

/**
 * The accessibility statement. Dutch law (Besluit digitale toegankelijkheid overheid) asks every government
 * site for one; its content follows the model statement, and says honestly what has and has not been checked.
 */
export function ToegankelijkheidPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const title = t('toegankelijkheid.titel');
  const gemeente = ctx.gemeenteNaam ?? '';
  return (
    <Layout {...ctx} title={title} breadcrumbs={[{ href: '/', label: t('nav.home') }, { href: '/toegankelijkheid', label: title }]}>
      <h1 class="utrecht-heading-1" safe>
        {title}
      </h1>
      <div class="lea-prose">
        <p class="utrecht-paragraph lea-intro" safe>
          {`De gemeente ${gemeente} wil dat iedereen deze website kan gebruiken. Ook mensen met een beperking. Daarom bouwen we de website volgens de regels voor toegankelijkheid van de overheid.`}
        </p>

        <h2 class="utrecht-heading-2">Welke regels volgen we?</h2>
        <p class="utrecht-paragraph">
          De wet vraagt dat websites van de overheid voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA.
          Wij streven naar WCAG 2.2, niveau AA.
        </p>

        <h2 class="utrecht-heading-2">Wat hebben we gedaan?</h2>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item">
            Elke pagina wordt bij elke wijziging automatisch gecontroleerd met axe, in een echte browser. Een pagina met een
            fout komt niet online.
          </li>
          <li class="utrecht-unordered-list__item">
            U kunt alles met alleen het toetsenbord bedienen. Met de link ‘Direct naar de inhoud’ slaat u het menu over.
          </li>
          <li class="utrecht-unordered-list__item">
            De website werkt zonder JavaScript, op een klein scherm (vanaf 320 pixels breed) en als u de tekst vergroot.
          </li>
          <li class="utrecht-unordered-list__item">
            De tekening van de structuur van de LEA heeft een beschrijving in tekst op dezelfde pagina.
          </li>
          <li class="utrecht-unordered-list__item">U kunt elke pagina netjes afdrukken.</li>
        </ul>

        <h2 class="utrecht-heading-2">Wat is nog niet gedaan?</h2>
        <p class="utrecht-paragraph">
          Een onafhankelijke deskundige heeft de website nog niet onderzocht. Automatische controles vinden niet alle
          problemen. Daarom is de status van deze verklaring: eerste maatregelen genomen.
        </p>

        <h2 class="utrecht-heading-2">Loopt u tegen een probleem aan?</h2>
        <p class="utrecht-paragraph" safe>
          {`Laat het ons weten via de gemeente ${gemeente}. Vertel op welke pagina het probleem zit en wat er misgaat. We reageren binnen 5 werkdagen.`}
        </p>
        <p class="utrecht-paragraph">
          Bent u niet tevreden met ons antwoord? Dan kunt u contact opnemen met de Nationale ombudsman.
        </p>
      </div>
    </Layout>
  );
}
