// User-facing text is Chinese first; English on request.

import type { Message } from './errors.js';

export type Lang = 'zh' | 'en';

export function pick(message: Message, lang: Lang): string {
  return lang === 'en' ? message.en : message.zh;
}

/** Both languages on one line, Chinese first: "文件为空 / The file is empty". */
export function bilingual(message: Message): string {
  return message.zh === message.en ? message.zh : `${message.zh} / ${message.en}`;
}
