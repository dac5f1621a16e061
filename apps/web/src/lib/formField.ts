// Reads one text field of a posted form. FormData values may be files; a form action wants the
// text or nothing, never a File turned into "[object File]".

/** The field's text, or null when it is missing or is a file. */
export function formField(form: FormData, name: string): string | null {
  const v = form.get(name);
  return typeof v === 'string' ? v : null;
}
