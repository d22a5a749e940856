import type { Children } from '@kitajs/html';
import { t } from '../i18n/index.js';
import { heeftPermissie, type RolToewijzing } from '../modules/auth/permissions.js';

export interface Crumb {
  href: string;
  label: string;
}

export interface LayoutProps {
  /** Page title; also the page's one h1 unless `heading` is given. */
  title: string;
  /** Absent when the request matched no gemeente (an error page). */
  gemeenteNaam?: string | undefined;
  stylesheet: string;
  /** The path of the current page, to mark the active menu item. */
  path: string;
  breadcrumbs: Crumb[];
  description?: string;
  /** A page with an error summary: the title says so first, as screen readers read the title first. */
  hasErrors?: boolean;
  user?: { naam: string; rollen: RolToewijzing[] } | undefined;
  csrf?: string | undefined;
  children: Children;
}

/** Log-in link for the public; for a logged-in user their name, their account, beheer and a log-out button. */
function AccountArea(props: { user: LayoutProps['user']; csrf: string | undefined; path: string }): JSX.Element {
  if (!props.user) {
    // Pages behind an e-mailed link carry a secret token in their path: never copy it into another address.
    const noReturn = ['/inloggen', '/uitnodiging/', '/wachtwoord-herstellen/', '/wachtwoord-vergeten'].some((p) => props.path.startsWith(p));
    const terug = props.path === '/' || noReturn ? '' : `?terug=${encodeURIComponent(props.path)}`;
    return (
      <div class="lea-account">
        <a class="utrecht-link lea-account__link" href={`/inloggen${terug}`} safe>
          {t('nav.inloggen')}
        </a>
      </div>
    );
  }
  const beheer = heeftPermissie(props.user.rollen, 'gebruikers.beheren') || heeftPermissie(props.user.rollen, 'audit.lezen');
  return (
    <div class="lea-account">
      <span class="lea-account__naam" safe>
        {t('nav.ingelogdAls', { naam: props.user.naam })}
      </span>
      <a class="utrecht-link lea-account__link" href="/account" aria-current={props.path.startsWith('/account') ? 'page' : undefined} safe>
        {t('nav.account')}
      </a>
      {beheer ? (
        <a class="utrecht-link lea-account__link" href="/beheer" aria-current={props.path.startsWith('/beheer') ? 'page' : undefined} safe>
          {t('nav.beheer')}
        </a>
      ) : (
        ''
      )}
      <form method="post" action="/uitloggen" class="lea-account__form">
        <input type="hidden" name="_csrf" value={props.csrf ?? ''} />
        <button class="utrecht-button utrecht-button--subtle lea-account__button" type="submit" safe>
          {t('nav.uitloggen')}
        </button>
      </form>
    </div>
  );
}

const menu = [
  { href: '/', key: 'nav.home' },
  { href: '/oab-afspraken', key: 'nav.oab' },
  { href: '/stuurgroep', key: 'nav.stuurgroep' },
  { href: '/structuur', key: 'nav.structuur' },
] as const;

function isActive(itemHref: string, path: string): boolean {
  return itemHref === '/' ? path === '/' || path.startsWith('/actielijnen') : path.startsWith(itemHref);
}

/** The page frame: skip link, header with menu, breadcrumbs, main landmark, footer. */
export function Layout(props: LayoutProps): JSX.Element {
  const siteNaam = props.gemeenteNaam ? t('site.naam', { gemeente: props.gemeenteNaam }) : 'LEA';
  return (
    <>
      <html lang="nl" class="utrecht-theme lea-theme">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${props.hasErrors ? t('form.titelFout') : ''}${props.title} – ${siteNaam}`}</title>
          {props.description ? <meta name="description" content={props.description} /> : ''}
          <link rel="stylesheet" href={props.stylesheet} />
        </head>
        <body class="utrecht-page utrecht-body lea-body">
          <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud" safe>
            {t('site.skiplink')}
          </a>
          <header class="lea-header">
            <div class="lea-container lea-header__inner">
              <a class="lea-logo" href="/">
                <span class="lea-logo__naam" safe>
                  {siteNaam}
                </span>
                <span class="lea-logo__ondertitel" safe>
                  {t('site.ondertitel')}
                </span>
              </a>
              <nav class="lea-menu" aria-label={t('site.hoofdmenu')}>
                <ul class="lea-menu__list">
                  {menu.map((item) => (
                    <li class="lea-menu__item">
                      <a
                        class="lea-menu__link"
                        href={item.href}
                        aria-current={isActive(item.href, props.path) ? 'page' : undefined}
                        safe
                      >
                        {t(item.key)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <AccountArea user={props.user} csrf={props.csrf} path={props.path} />
            </div>
          </header>
          {props.breadcrumbs.length > 0 ? (
            <nav class="utrecht-breadcrumb-nav lea-container lea-breadcrumbs" aria-label={t('site.kruimelpad')}>
              <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
                {props.breadcrumbs.map((crumb, index) => {
                  const current = index === props.breadcrumbs.length - 1;
                  return (
                    <li class="utrecht-breadcrumb-nav__item">
                      <a
                        class={`utrecht-breadcrumb-nav__link${current ? ' utrecht-breadcrumb-nav__link--current' : ''}`}
                        href={crumb.href}
                        aria-current={current ? 'page' : undefined}
                        safe
                      >
                        {crumb.label}
                      </a>
                    </li>
                  );
                })}
              </ol>
            </nav>
          ) : (
            ''
          )}
          <main id="inhoud" class="lea-container lea-main" tabindex="-1">
            {props.children}
          </main>
          <footer class="lea-footer">
            <div class="lea-container lea-footer__inner">
              <h2 class="lea-footer__heading" safe>
                {t('site.voettekst')}
              </h2>
              <ul class="lea-footer__list">
                <li>
                  <a class="utrecht-link" href="/toegankelijkheid" safe>
                    {t('nav.toegankelijkheid')}
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/api/v1/openapi.json" safe>
                    {t('site.openapi')}
                  </a>
                </li>
              </ul>
              {props.gemeenteNaam ? (
                <p class="lea-footer__gemeente" safe>
                  {t('site.gemeenteLabel', { gemeente: props.gemeenteNaam })}
                </p>
              ) : (
                ''
              )}
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

/** Splits a text with blank lines into paragraphs. */
export function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph) => (
          <p class="utrecht-paragraph" safe>
            {paragraph}
          </p>
        ))}
    </>
  );
}

/** A section of a page with its own h2 (a named region for screen readers) and, optionally, one text. */
export function Section(props: { id: string; title: string; text?: string | null; prose?: boolean; children?: Children }): JSX.Element {
  return (
    <section aria-labelledby={props.id} class={props.prose === false ? undefined : 'lea-prose'}>
      <h2 class="utrecht-heading-2" id={props.id} safe>
        {props.title}
      </h2>
      {props.text ? <Paragraphs text={props.text} /> : ''}
      {props.children ?? ''}
    </section>
  );
}

/** The page's one h1 and, when given, the sentence that introduces the page (`lead`: set larger, as on public pages). */
export function PageHeading(props: { title: string; intro?: string | undefined; lead?: boolean }): JSX.Element {
  return (
    <>
      <h1 class="utrecht-heading-1" safe>
        {props.title}
      </h1>
      {props.intro ? (
        <p class={props.lead ? 'utrecht-paragraph lea-intro' : 'utrecht-paragraph'} safe>
          {props.intro}
        </p>
      ) : (
        ''
      )}
    </>
  );
}
