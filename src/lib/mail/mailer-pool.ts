import path from 'node:path';
import { createMailer, type Mailer, type MailerOptions } from './mailer.js';

/**
 * One mailer per gemeente. Over SMTP they are alike; in outbox mode each gemeente writes into its own folder,
 * so one gemeente's beheerder never reads mail (with its secret links) meant for another gemeente's users.
 */
export class MailerPool {
  private readonly mailers = new Map<string, Mailer>();

  constructor(private readonly options: Omit<MailerOptions, 'outboxDir'> & { outboxRoot: string }) {}

  get transport(): 'smtp' | 'outbox' {
    return this.options.smtpUrl ? 'smtp' : 'outbox';
  }

  outboxDir(gemeenteSlug: string): string {
    if (!/^[a-z0-9-]+$/.test(gemeenteSlug)) throw new Error('Ongeldige gemeente-slug voor de outbox.');
    return path.join(this.options.outboxRoot, gemeenteSlug);
  }

  for(gemeente: { slug: string }): Mailer {
    let mailer = this.mailers.get(gemeente.slug);
    if (!mailer) {
      const { outboxRoot: _root, ...rest } = this.options;
      mailer = createMailer({ ...rest, outboxDir: this.outboxDir(gemeente.slug) });
      this.mailers.set(gemeente.slug, mailer);
    }
    return mailer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.mailers.values()].map((m) => m.close()));
    this.mailers.clear();
  }
}
