import { t } from '../i18n/index.js';
import { Layout, PageHeading } from './layout.js';
import { LinkParagraph } from './links.js';
import type { PageContext } from './page-context.js';

/** A page that says one thing, with an optional link onwards: an error, a mail on its way, a link that expired. */
export function MessagePage(props: { ctx: PageContext; title: string; text: string; link?: { href: string; label: string } | undefined }): JSX.Element {
  return (
    <Layout {...props.ctx} title={props.title} breadcrumbs={[]}>
      <PageHeading title={props.title} intro={props.text} />
      {props.link ? <LinkParagraph href={props.link.href} label={props.link.label} /> : ''}
    </Layout>
  );
}

export function ErrorPage(props: { ctx: PageContext; title: string; detail: string }): JSX.Element {
  return <MessagePage ctx={props.ctx} title={props.title} text={props.detail} link={{ href: '/', label: t('fout.naarStart') }} />;
}
