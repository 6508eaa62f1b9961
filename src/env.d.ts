// Set by wxt.config.ts: true only in the benchmark build (PAPERLENS_BENCH=1).
interface ImportMetaEnv {
  readonly PAPERLENS_BENCH: boolean;
}
