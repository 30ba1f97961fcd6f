/** A progress line for long operations: a bar on a terminal, sparse lines in a log. */
export interface Progress {
  update(done: number, total: number): void;
  done(summary: string): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let lastPct = -1;
  const started = Date.now();
  return {
    update(done, total) {
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (pct === lastPct) return;
      if (!tty && pct % 25 !== 0) return;
      lastPct = pct;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% (${done}/${total})`;
      stream.write(tty ? `\r${line}` : `${line}\n`);
    },
    done(summary) {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${tty ? '\r\x1b[K' : ''}${label}: ${summary} in ${secs} s\n`);
    },
  };
}
