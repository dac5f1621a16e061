// Sends one file to POST /api/uploads with XMLHttpRequest, so the page can draw its progress
// bar from upload.onprogress. Multipart field `files`, optional `dealer`, and `confirm=true`
// when the user confirmed a replacement the server held (409 needs_confirmation).

import { readUploadAnswer, type UploadAnswer } from './answer.js';

export interface SendOptions {
  dealer?: string;
  /** Apply a replacement that removes 30 % or more of a stored month (the user confirmed it). */
  confirm?: boolean;
  /** Share of the bytes sent, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Accept-Language of the answer's messages. */
  lang?: string;
  url?: string;
}

export function sendFile(file: File, opts: SendOptions = {}): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const body = new FormData();
    if (opts.dealer) body.append('dealer', opts.dealer);
    if (opts.confirm) body.append('confirm', 'true');
    body.append('files', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', opts.url ?? '/api/uploads');
    if (opts.lang) xhr.setRequestHeader('Accept-Language', opts.lang);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => opts.onProgress?.(1);
    xhr.onload = () => resolve(readUploadAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve(readUploadAnswer(0, ''));
    xhr.send(body);
  });
}
