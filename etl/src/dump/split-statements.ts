/**
 * Splits the text of a mysqldump file into single SQL statements while it streams in, so a dump of any size
 * is executed statement by statement without ever holding the whole file. It understands just enough SQL to
 * find the `;` that ends a statement: quoted strings and identifiers (with backslash and doubled-quote
 * escapes), `-- ` and `#` line comments (dropped) and block comments (kept: `/*!40101 … *\/` is executable).
 */

type State = 'code' | 'quoted' | 'line-comment' | 'block-comment';

/** Yields each statement, trimmed and without its terminating `;`. A trailing statement without `;` is yielded too. */
export async function* splitStatements(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let state: State = 'code';
  let quote = '';
  let current = '';
  // A character whose meaning depends on the next one (`\` in a string, `-`, `*`, `/`), carried across chunks.
  let pending = '';
  for await (const chunk of chunks) {
    const text = pending + chunk;
    pending = '';
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      const last = i === text.length - 1;
      if (state === 'quoted') {
        if (c === '\\') {
          if (last) {
            current += text.slice(start, i);
            pending = c;
            start = i + 1;
          } else i++;
        } else if (c === quote) {
          if (last) {
            current += text.slice(start, i);
            pending = c;
            start = i + 1;
          } else if (text[i + 1] === quote) i++;
          else state = 'code';
        }
      } else if (state === 'line-comment') {
        // The newline ends the comment and stays, so `1-- x\nFROM` does not become `1FROM`.
        if (c === '\n') {
          state = 'code';
          start = i;
        } else start = i + 1;
      } else if (state === 'block-comment') {
        if (c === '*' && last) {
          current += text.slice(start, i);
          pending = c;
          start = i + 1;
        } else if (c === '*' && text[i + 1] === '/') {
          i++;
          state = 'code';
        }
      } else if (c === "'" || c === '"' || c === '`') {
        state = 'quoted';
        quote = c;
      } else if (c === ';') {
        current += text.slice(start, i);
        start = i + 1;
        const statement = current.trim();
        current = '';
        if (statement) yield statement;
      } else if ((c === '-' || c === '/') && last) {
        current += text.slice(start, i);
        pending = c;
        start = i + 1;
      } else if (c === '#' || (c === '-' && text[i + 1] === '-' && /\s/.test(text[i + 2] ?? ' '))) {
        // `--` only starts a comment when followed by whitespace; at the end of the chunk it may still be.
        if (c === '-' && i + 2 >= text.length) {
          current += text.slice(start, i);
          pending = text.slice(i);
          start = text.length;
          break;
        }
        current += text.slice(start, i);
        state = 'line-comment';
        start = i + 1;
      } else if (c === '/' && text[i + 1] === '*') {
        i++;
        state = 'block-comment';
      }
    }
    current += text.slice(start);
  }
  const statement = (current + pending).trim();
  if (statement) yield statement;
}
