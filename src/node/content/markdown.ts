import MarkdownIt from 'markdown-it';

/**
 * Markdown for the "Learn more" panel. Raw HTML is escaped, never passed through, so nothing in a
 * content file can run. Links and images are rendered as plain text: a kiosk must never navigate
 * away from its own page or fetch anything remote.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });
markdown.disable(['link', 'image', 'autolink']);

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
