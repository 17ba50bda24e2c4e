// Writes the allowed values of closed-set attributes into the manifest. The analyzer copies a field's type as written
// (`MeasureName`, `KpiMeasure`), which tells Storybook, editors and readers nothing; this plugin asks the TypeScript
// checker what each field's type is and, when it is a union of string literals, writes the union out
// (`'revenue' | 'quantity' | …`). The unions themselves stay derived from the SDK's model in the source.
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

/** Whether `text` already is a union of string literals as written (`'light' | 'dark' | undefined`). */
const isLiteralUnion = (text) =>
  (text ?? '').split('|').every((part) => /^'[^']*'$|^undefined$|^null$/.test(part.trim())) && text.includes("'");

/**
 * `'a' | 'b' | undefined` for a union of string literals (with undefined or null), else undefined. The checker
 * orders a union's members by when it first met each literal, which changes with the files in the program: the
 * values are sorted instead (numbers by value), so the manifest does not change when an unrelated file does.
 */
export function literalUnionText(type) {
  const parts = type.isUnion() ? type.types : [type];
  const literals = parts.filter((part) => part.isStringLiteral()).map((part) => part.value);
  const rest = parts.filter((part) => !part.isStringLiteral());
  const nullish = rest.filter((part) => part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null));
  if (literals.length === 0 || nullish.length !== rest.length) return undefined;
  literals.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const names = nullish.map((part) => (part.flags & ts.TypeFlags.Null ? 'null' : 'undefined'));
  return [...literals.map((value) => `'${value}'`), ...names].join(' | ');
}

/** A program of the manifest's modules only (not the tests and stories the tsconfig also covers), for its checker. */
function program(tsconfig, files) {
  const config = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(tsconfig));
  return ts.createProgram(files, parsed.options);
}

/** The plugin; `tsconfig` is the project whose files the manifest describes. */
export function literalTypesPlugin(tsconfig = resolve('tsconfig.json')) {
  return {
    name: 'literal-types',
    packageLinkPhase({ customElementsManifest }) {
      const path = (module) => resolve(dirname(tsconfig), module.path);
      const built = program(tsconfig, customElementsManifest.modules.map(path));
      const checker = built.getTypeChecker();
      for (const module of customElementsManifest.modules) {
        const file = built.getSourceFile(path(module));
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class' || !file) continue;
          const node = file.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === declaration.name);
          if (!node?.name) continue;
          // The instance type, inherited properties included: a subclass sees its base's fields as they are typed.
          const instance = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(node.name));
          // A union written out in the source (`theme`) keeps the order its author chose.
          const expand = (item, field) => {
            if (isLiteralUnion(item.type?.text)) return;
            const property = field && instance.getProperty(field);
            const text = property && literalUnionText(checker.getTypeOfSymbolAtLocation(property, node));
            if (text) item.type = { text };
          };
          for (const member of declaration.members ?? []) {
            if (member.kind === 'field' && !member.static) expand(member, member.name);
          }
          for (const attribute of declaration.attributes ?? []) expand(attribute, attribute.fieldName);
        }
      }
    },
  };
}
