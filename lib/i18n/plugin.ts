import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';
// With extensions: Vitest configs import this file through Vite's native config loader.
import { UI_LANGUAGES, type UiLanguage } from './language.ts';
import { surfaceMessages, type MessageFile } from './message-files.ts';

/**
 * `import messages from 'virtual:hled-messages/card'` gives the `card_*` messages of every
 * language and nothing else. The content script's card module loads into web pages, so it must
 * not carry the options page's strings; a bundle gets only the surfaces it imports. The same
 * plugin serves WXT's Vite build, the esbuild build of the card module and Vitest.
 */
export const VIRTUAL_MESSAGES = 'virtual:hled-messages/';

const fileOf = (localesDir: string, lang: UiLanguage) => join(localesDir, lang, 'messages.json');

/** Reads every language's message file (the ones the extension ships). */
export function readMessageFiles(localesDir: string): Record<UiLanguage, MessageFile> {
  const files = {} as Record<UiLanguage, MessageFile>;
  for (const lang of UI_LANGUAGES) files[lang] = JSON.parse(readFileSync(fileOf(localesDir, lang), 'utf8')) as MessageFile;
  return files;
}

function moduleSource(localesDir: string, surface: string): string {
  return `export default ${JSON.stringify(surfaceMessages(readMessageFiles(localesDir), surface))};\n`;
}

export function messagesVitePlugin(localesDir: string): VitePlugin {
  return {
    name: 'hled-messages',
    resolveId: (id) => (id.startsWith(VIRTUAL_MESSAGES) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL_MESSAGES}`)) return undefined;
      for (const lang of UI_LANGUAGES) this.addWatchFile(fileOf(localesDir, lang));
      return moduleSource(localesDir, id.slice(VIRTUAL_MESSAGES.length + 1));
    },
  };
}

export function messagesEsbuildPlugin(localesDir: string): EsbuildPlugin {
  return {
    name: 'hled-messages',
    setup(b) {
      b.onResolve({ filter: /^virtual:hled-messages\// }, (a) => ({ path: a.path.slice(VIRTUAL_MESSAGES.length), namespace: 'hled-messages' }));
      b.onLoad({ filter: /.*/, namespace: 'hled-messages' }, (a) => ({
        contents: moduleSource(localesDir, a.path),
        loader: 'js',
        watchFiles: UI_LANGUAGES.map((lang) => fileOf(localesDir, lang)),
      }));
    },
  };
}
