/**
 * A progress bar on standard error, for reading large logs in a terminal. It draws only when
 * standard error is a TTY and the input is large, so pipes, files and CI logs never see it.
 */

/** Inputs smaller than this are read too fast for a bar to help. */
export const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;
const REDRAW_MS = 200;
const BAR_WIDTH = 30;

/** Counts bytes read against a total and redraws at most five times a second. */
export class ProgressBar {
  private read = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void,
    private readonly enabled: boolean,
  ) {}

  /** A bar for `total` bytes on `stream`, drawn only when it is a TTY and the input is large. */
  static for(total: number, stream: { isTTY?: boolean; write(text: string): unknown }): ProgressBar {
    return new ProgressBar(total, (text) => stream.write(text), stream.isTTY === true && total >= PROGRESS_MIN_BYTES);
  }

  /** Adds bytes read. */
  add(bytes: number): void {
    this.read += bytes;
    const now = Date.now();
    if (this.enabled && now - this.lastDraw >= REDRAW_MS) {
      this.lastDraw = now;
      const share = Math.min(1, this.read / this.total);
      const filled = Math.round(share * BAR_WIDTH);
      const mib = (n: number) => (n / (1024 * 1024)).toFixed(0);
      this.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${mib(this.read)}/${mib(this.total)} MiB`);
      this.drawn = true;
    }
  }

  /** Clears the bar's line. */
  done(): void {
    if (this.drawn) {
      this.write(`\r${' '.repeat(BAR_WIDTH + 30)}\r`);
    }
  }
}
