import { t } from '../i18n/index.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

export function ErrorPage(props: { ctx: PageContext; title: string; detail: string }): JSX.Element {
  return (
    <Layout {...props.ctx} title={props.title} breadcrumbs={[]}>
      <h1 class="utrecht-heading-1" safe>
        {props.title}
      </h1>
      <p class="utrecht-paragraph" safe>
        {props.detail}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/" safe>
          {t('fout.naarStart')}
        </a>
      </p>
    </Layout>
  );
}
