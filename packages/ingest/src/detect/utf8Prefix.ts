// Where a UTF-8 sample may be cut: not inside a multi-byte character. Node-free, so the
// browser preview (@fixops/ingest/headers) cuts its sample exactly as the server does.

/** Cuts a UTF-8 sample so it does not end inside a multi-byte character. */
export function completeUtf8Prefix(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  // step back over at most 3 continuation bytes to the start of the last character
  let back = 0;
  while (back < 4 && end - back - 1 >= 0 && (bytes[end - back - 1]! & 0xc0) === 0x80) back++;
  const leadPos = end - back - 1;
  if (leadPos < 0) return bytes;
  const lead = bytes[leadPos]!;
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  if (need > back) end = leadPos;
  return bytes.subarray(0, end);
}
