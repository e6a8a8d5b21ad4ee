// decimal.js as the ESM build's modules import it: tsup.config.ts points their imports of
// 'decimal.js' here. decimal.js runs code when it is loaded and its package does not declare
// "sideEffects", so an app's bundler keeps it whenever a module it bundles imports it, used or
// not. Through this module, which has none, it goes with the last module that uses it.
// Not used by the CommonJS build or the CLI, which are bundled.
export { default } from 'decimal.js';
