interface ImportMetaEnv {
  /** The key under which `lac site build` hands the pages over (src/site/handoff.ts). */
  readonly LAC_SITE_DATA: string;
  readonly BASE_URL: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
