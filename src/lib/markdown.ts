import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

// The page has its own h1 and h2; a "# Kop" in user text is a section within it.
const HEADING_OFFSET = 2;
const ALLOWED_LINK = /^(https?:|mailto:)/i;
const ALIGNMENT = /^text-align:\s*(left|center|right)$/;

/**
 * The renderer, made on first use: only a few pages show markdown, and loading markdown-it costs about 0.04 s of
 * every start. Loaded with require (its CommonJS build) so that rendering stays synchronous.
 */
let renderer: InstanceType<typeof MarkdownIt> | undefined;

function markdownIt(): InstanceType<typeof MarkdownIt> {
  if (renderer) return renderer;
  const MarkdownItClass = createRequire(import.meta.url)('markdown-it') as typeof MarkdownIt;
  const md = new MarkdownItClass('default', {
    // Raw HTML is shown as text, never passed through.
    html: false,
    linkify: true,
    typographer: false,
  });

  // Images would load from anywhere (blocked by the CSP anyway) and tell third parties who reads the page.
  md.disable('image');

  // Relative and other-scheme links in user text are more often mistakes than intent, and the default check lets
  // file:, ftp: and the like through; only web and mail links remain.
  const defaultValidateLink = md.validateLink.bind(md);
  md.validateLink = (url: string): boolean => defaultValidateLink(url) && ALLOWED_LINK.test(url.trim());

  md.core.ruler.push('lea_safe_output', (state: StateCore) => {
    for (const token of state.tokens) {
      adjust(token);
      for (const child of token.children ?? []) adjust(child);
    }
  });
  renderer = md;
  return md;
}

function adjust(token: Token): void {
  if (token.type === 'heading_open' || token.type === 'heading_close') {
    const level = Number(token.tag.slice(1));
    token.tag = `h${Math.min(6, level + HEADING_OFFSET)}`;
  }
  if (token.type === 'link_open') token.attrSet('rel', 'noopener noreferrer');
  // The CSP forbids style attributes; markdown-it puts table column alignment in one, so it becomes a class.
  const style = token.attrGet('style');
  if (style !== null) {
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    const alignment = ALIGNMENT.exec(String(style))?.[1];
    if (alignment) token.attrJoin('class', `lea-align-${alignment}`);
  }
}

/** Renders user-written markdown to HTML that is safe to inline: no raw HTML, images or script links. */
export function renderMarkdown(source: string): string {
  return markdownIt().render(source);
}
