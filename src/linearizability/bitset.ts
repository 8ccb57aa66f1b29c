// The set of operations a search path has linearized, with a hash kept up to date on
// every change (Zobrist hashing), so memoising a path costs no walk over the set.

export class Bitset {
  readonly words: Uint32Array;
  hash = 0;

  constructor(
    size: number,
    private readonly salts: Uint32Array,
  ) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  static saltsFor(size: number): Uint32Array {
    const salts = new Uint32Array(size);
    let seed = 0x9e3779b9;
    for (let i = 0; i < size; i++) {
      // mulberry32: fixed salts keep a check deterministic from run to run
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      salts[i] = (t ^ (t >>> 14)) >>> 0;
    }
    return salts;
  }

  set(bit: number): void {
    this.words[bit >>> 5]! |= 1 << (bit & 31);
    this.hash = (this.hash ^ this.salts[bit]!) >>> 0;
  }

  clear(bit: number): void {
    this.words[bit >>> 5]! &= ~(1 << (bit & 31));
    this.hash = (this.hash ^ this.salts[bit]!) >>> 0;
  }

  snapshot(): Uint32Array {
    return this.words.slice();
  }

  equals(words: Uint32Array): boolean {
    for (let i = 0; i < words.length; i++) if (words[i] !== this.words[i]) return false;
    return true;
  }
}
