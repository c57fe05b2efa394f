interface ImportMetaEnv {
  /** Path of the JSON file `lac site build` wrote (src/site/astro.ts). */
  readonly LAC_SITE_DATA: string;
  readonly BASE_URL: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
