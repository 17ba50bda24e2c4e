import { REJECT_REASONS, TABLES } from './contract.ts';

/**
 * The extract contract as Markdown, for the README. A unit test keeps the README's copy identical, so the
 * documented public API cannot drift from the one the code publishes.
 */
export function contractMarkdown(): string {
  const parts: string[] = [];
  for (const [table, spec] of Object.entries(TABLES)) {
    parts.push(`#### \`${table}\`\n\n${spec.doc}\n\n| column | type | meaning |\n|---|---|---|`);
    for (const [name, column] of Object.entries(spec.columns)) {
      const type = `${column.type}${column.nullable ? '' : ' NOT NULL'}`;
      parts.push(`| \`${name}\` | ${type} | ${column.doc.replaceAll('|', '\\|')} |`);
    }
    parts.push('');
  }
  parts.push('#### Reject reasons\n\n| reason | meaning |\n|---|---|');
  for (const [reason, doc] of Object.entries(REJECT_REASONS)) parts.push(`| \`${reason}\` | ${doc} |`);
  return `${parts.join('\n')}\n`;
}
