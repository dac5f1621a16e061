// Where to send the browser after logging in or switching the language: only somewhere on
// this site. Checking the text ("starts with one slash") is not enough: browsers read
// `/\evil.example` and `/<tab>/evil.example` as `//evil.example`, another site. So the target
// is resolved the way a browser would, and kept only when it stays on this origin.

/** The same-origin path (with query and fragment) `next` leads to, else `fallback`. */
export function safeNext(next: string | null | undefined, origin: string, fallback = '/'): string {
  if (!next) return fallback;
  let target: URL;
  try {
    target = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== new URL(origin).origin) return fallback;
  const path = target.pathname + target.search + target.hash;
  // `/.//evil.example` resolves here to the path `//evil.example`, which a Location header would not.
  return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}
