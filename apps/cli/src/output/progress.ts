// Progress on stderr for big files, so stdout stays clean for --json and pipes.

const MIN_BYTES = 5 * 1024 * 1024;

export function progressReporter(file: string): (read: number, total: number) => void {
  let lastShown = -1;
  const tty = process.stderr.isTTY;
  return (read, total) => {
    if (total < MIN_BYTES) return;
    const pct = Math.floor((read / total) * 100);
    const step = tty ? 1 : 25;
    if (pct < lastShown + step && read < total) return;
    lastShown = pct;
    const line = `读取 Reading ${file}: ${pct}% (${(read / 1048576).toFixed(0)}/${(total / 1048576).toFixed(0)} MB)`;
    process.stderr.write(tty ? `\r${line}${read >= total ? '\n' : ''}` : `${line}\n`);
  };
}
