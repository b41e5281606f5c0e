import { Writable } from 'node:stream';

/** A terminal stream that keeps what a command wrote, for the test to read. */
export class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}
