/**
 * A progress bar for long sweeps, drawn on a terminal's stderr and cleared at
 * the end. The shell only passes one when stderr is a terminal, so piped or
 * captured output never carries it.
 */

/** Sweeps shorter than this finish before a bar would be read. */
const MIN_STEPS = 64;
const WIDTH = 30;

export function progressBar(stream: NodeJS.WriteStream, label = 'worlds'): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    if (total < MIN_STEPS) return;
    const filled = Math.floor((done / total) * WIDTH);
    if (filled === shown && done !== total) return;
    shown = filled;
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} ${label}`);
    if (done === total) stream.write('\r\u001b[K');
  };
}
