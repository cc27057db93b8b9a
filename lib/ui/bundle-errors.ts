import type { FileProblem } from './bundle-file';
import type { UiLanguage } from './strings';

/**
 * Bundle errors in the reader's language. The validator (lib/corpus) writes them in English with
 * a fixed shape, `bundle: <path> <what>`; Spanish readers get the same facts, path and value in
 * Spanish. Anything not recognised is shown as it is (still naming the field).
 */
const SPANISH: [RegExp, string][] = [
  [/^bundle: is not JSON \((.*)\)$/, 'el archivo no es JSON válido ($1)'],
  [/^bundle: is not a JSON object$/, 'el archivo no contiene un objeto JSON'],
  [/^bundle: format is (.*), expected "(.*)"$/, 'el formato es $1; se esperaba "$2"'],
  [/^bundle: schemaVersion (\d+) is newer than this extension understands \((\d+)\); update the extension$/, 'la versión de esquema $1 es más nueva que la que entiende esta extensión ($2); actualice la extensión'],
  [/^bundle: is larger than the limit of (\d+) MB$/, 'el paquete supera el límite de $1 MB'],
  [/^bundle: (\S+) is not a date in the form YYYY-MM-DD(.*)$/, '$1 no es una fecha con el formato AAAA-MM-DD$2'],
  [/^bundle: (\S+) is not a real calendar date(.*)$/, '$1 no es una fecha del calendario$2'],
  [/^bundle: (\S+) is not an http\(s\) URL(.*)$/, '$1 no es una URL http(s)$2'],
  [/^bundle: (\S+) is not a corpus version YYYY\.MM\.DD\.n(.*)$/, '$1 no es una versión de corpus AAAA.MM.DD.n$2'],
  [/^bundle: (\S+) is missing(.*)$/, 'falta $1$2'],
  [/^bundle: (\S+) duplicates (.*)$/, '$1 repite $2'],
  [/^bundle: (\S+) names no (entity|passage) of the bundle (.*)$/, '$1 no corresponde a ninguna $2 del paquete $3'],
  [/^bundle: (\S+) is outside its passage (.*)$/, '$1 queda fuera de su pasaje $2'],
  [/^bundle: (\S+) (.*)$/, '$1: $2'],
];

/** Refusals of the store (not of the bundle's content), in Spanish. */
const STORE_SPANISH: [RegExp, string][] = [
  [/^store: not enough storage space for this corpus/, 'no hay espacio de almacenamiento suficiente para este corpus (el navegador se negó a guardarlo); no se cambió nada y el corpus anterior sigue activo'],
  [/^store: another import, restore or reset is in progress/, 'hay otra importación, restauración o restablecimiento en curso; no se cambió nada, inténtelo de nuevo cuando termine'],
];

export function bundleErrorText(message: string, lang: UiLanguage): string {
  if (lang === 'en') return message.replace(/^(bundle|store): /, '');
  for (const [pattern, text] of STORE_SPANISH) if (pattern.test(message)) return text;
  for (const [pattern, template] of SPANISH) {
    if (pattern.test(message)) {
      return message.replace(pattern, template).replace(/\(got /g, '(valor: ').replace(/\bentity\b/, 'entidad').replace(/\bpassage\b/, 'pasaje');
    }
  }
  return message;
}

export function fileProblemText(p: FileProblem, lang: UiLanguage): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  switch (p.code) {
    case 'too-large':
      return lang === 'es' ? `El archivo es demasiado grande (${mb(p.bytes)}); el límite es ${mb(p.limit)}.` : `The file is too large (${mb(p.bytes)}); the limit is ${mb(p.limit)}.`;
    case 'not-gzip':
      return lang === 'es' ? 'El archivo no es un gzip válido.' : 'The file is not valid gzip.';
    case 'not-text':
      return lang === 'es' ? 'El archivo no es texto UTF-8.' : 'The file is not UTF-8 text.';
  }
}
