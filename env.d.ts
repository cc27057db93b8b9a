interface ImportMetaEnv {
  /** True only in a test build (`HLED_TEST_BUILD=1`, see `wxt.config.ts`); a constant the bundler folds away. */
  readonly HLED_TEST_BUILD: boolean;
}
