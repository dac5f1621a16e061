// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/i18n';
import type { Me } from '$lib/api';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
    }
    interface Locals {
      lang: Lang;
      /** The session id of the cookie, when there is one (not yet checked with the API). */
      session: string | null;
      user: Me | null;
    }
    interface PageData {
      lang: Lang;
      user: Me | null;
    }
  }
}

export {};
