import type { Children } from '@kitajs/html';
import { t } from '../../../i18n/index.js';
import { ErrorSummary, Hidden, Notice, PostForm, SubmitButton, TextField, type FormState } from '../../../views/form.js';
import { Layout, PageHeading, Section } from '../../../views/layout.js';
import { ButtonLink, LinkParagraph } from '../../../views/links.js';
import type { PageContext } from '../../../views/page-context.js';

/** A narrow page with one form: login, code, forgot password, choose password. */
export function FormPage(props: {
  ctx: PageContext;
  title: string;
  form: FormState;
  intro?: string | undefined;
  notice?: string | undefined;
  children: Children;
  after?: Children | undefined;
}): JSX.Element {
  return (
    <Layout {...props.ctx} title={props.title} breadcrumbs={[]} hasErrors={Object.keys(props.form.errors).length > 0}>
      <ErrorSummary errors={props.form.errors} />
      <Notice text={props.notice} kind="info" />
      <PageHeading title={props.title} intro={props.intro} />
      {props.children}
      {props.after ?? ''}
    </Layout>
  );
}

export function LoginPage(props: { ctx: PageContext; form: FormState; terug: string; sso?: { label: string } | undefined; notice?: string | undefined }): JSX.Element {
  return (
    <FormPage
      ctx={props.ctx}
      title={t('login.titel')}
      form={props.form}
      notice={props.notice}
      after={
        <>
          <LinkParagraph href="/wachtwoord-vergeten" label={t('login.vergeten')} />
          {props.sso ? (
            <Section id="sso-titel" title={t('login.ssoTitel')} prose={false}>
              <ButtonLink href={`/inloggen/sso?terug=${encodeURIComponent(props.terug)}`} label={props.sso.label} variant="secondary" />
            </Section>
          ) : (
            ''
          )}
        </>
      }
    >
      <PostForm action="/inloggen" csrf={props.ctx.csrf ?? ''}>
        <Hidden name="terug" value={props.terug} />
        <TextField name="email" type="email" label={t('veld.email')} form={props.form} autocomplete="username" spellcheck={false} required />
        <TextField name="wachtwoord" type="password" label={t('veld.wachtwoord')} form={props.form} autocomplete="current-password" required />
        <div class="lea-form__actions">
          <SubmitButton label={t('login.knop')} />
        </div>
      </PostForm>
    </FormPage>
  );
}

export function CodePage(props: { ctx: PageContext; form: FormState; terug: string }): JSX.Element {
  return (
    <FormPage ctx={props.ctx} title={t('code.titel')} form={props.form} intro={t('code.intro')}>
      <PostForm action="/inloggen/code" csrf={props.ctx.csrf ?? ''}>
        <Hidden name="terug" value={props.terug} />
        <TextField
          name="code"
          label={t('veld.code')}
          hint={t('code.hint')}
          form={props.form}
          autocomplete="one-time-code"
          inputmode="numeric"
          spellcheck={false}
          required
        />
        <div class="lea-form__actions">
          <SubmitButton label={t('code.knop')} />
        </div>
      </PostForm>
    </FormPage>
  );
}

export function TotpSetupPage(props: {
  ctx: PageContext;
  form: FormState;
  secret: string;
  safeQrSvg: string;
  terug: string;
  verplicht: boolean;
}): JSX.Element {
  // Made by the qrcode library from our own otpauth URI: markup we generate, not user input.
  const safeQrSvg = props.safeQrSvg;
  return (
    <FormPage ctx={props.ctx} title={t('totp.titel')} form={props.form} intro={props.verplicht ? t('totp.verplicht') : t('totp.intro')}>
      <ol class="utrecht-ordered-list">
        <li safe>{t('totp.stap1')}</li>
        <li>
          <span safe>{t('totp.stap2')}</span>
          <figure class="lea-qr" role="img" aria-label={t('totp.qrLabel')}>
            {safeQrSvg}
          </figure>
          <p class="utrecht-paragraph">
            <span safe>{t('totp.handmatig')}</span>{' '}
            <code class="lea-code" safe>
              {props.secret.replace(/(.{4})/g, '$1 ').trim()}
            </code>
          </p>
        </li>
        <li safe>{t('totp.stap3')}</li>
      </ol>
      <PostForm action="/account/tweestapsverificatie" csrf={props.ctx.csrf ?? ''}>
        <Hidden name="terug" value={props.terug} />
        <TextField name="code" label={t('veld.code')} form={props.form} autocomplete="one-time-code" inputmode="numeric" spellcheck={false} required />
        <div class="lea-form__actions">
          <SubmitButton label={t('totp.knop')} />
        </div>
      </PostForm>
    </FormPage>
  );
}

export function RecoveryCodesPage(props: { ctx: PageContext; codes: string[]; verder: string }): JSX.Element {
  return (
    <Layout {...props.ctx} title={t('herstelcodes.titel')} breadcrumbs={[]}>
      <PageHeading title={t('herstelcodes.titel')} intro={t('herstelcodes.intro')} />
      <ul class="utrecht-unordered-list lea-codes" aria-label={t('herstelcodes.titel')}>
        {props.codes.map((code) => (
          <li safe>{code}</li>
        ))}
      </ul>
      <ButtonLink href={props.verder} label={t('herstelcodes.verder')} variant="primary" />
    </Layout>
  );
}

/** A new password typed twice, with the policy as its hint: choosing, resetting and changing a password. */
export function NewPasswordFields({ form }: { form: FormState }): JSX.Element {
  return (
    <>
      <TextField name="wachtwoord" type="password" label={t('veld.nieuwWachtwoord')} hint={t('wachtwoord.regels')} form={form} autocomplete="new-password" required />
      <TextField name="herhaling" type="password" label={t('veld.herhaalWachtwoord')} form={form} autocomplete="new-password" required />
    </>
  );
}

export function ChoosePasswordPage(props: { ctx: PageContext; form: FormState; action: string; title: string; intro: string }): JSX.Element {
  return (
    <FormPage ctx={props.ctx} title={props.title} form={props.form} intro={props.intro}>
      <PostForm action={props.action} csrf={props.ctx.csrf ?? ''}>
        <NewPasswordFields form={props.form} />
        <div class="lea-form__actions">
          <SubmitButton label={t('wachtwoord.knop')} />
        </div>
      </PostForm>
    </FormPage>
  );
}

export function ForgotPasswordPage(props: { ctx: PageContext; form: FormState; notice?: string | undefined }): JSX.Element {
  return (
    <FormPage ctx={props.ctx} title={t('vergeten.titel')} form={props.form} intro={t('vergeten.intro')} notice={props.notice}>
      <PostForm action="/wachtwoord-vergeten" csrf={props.ctx.csrf ?? ''}>
        <TextField name="email" type="email" label={t('veld.email')} form={props.form} autocomplete="username" spellcheck={false} required />
        <div class="lea-form__actions">
          <SubmitButton label={t('vergeten.knop')} />
        </div>
      </PostForm>
    </FormPage>
  );
}
