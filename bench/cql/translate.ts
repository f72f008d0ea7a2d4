/**
 * CQL → ELM, offline: translates bench/cql/AllpathDiagnosis.cql with the CQL-to-ELM translator of
 * @cqframework/cql (its Kotlin/JS build), against the FHIR 4.0.1 model info that cql-exec-fhir
 * ships (the same model the engine then reads the Bundles with). The ELM is committed in
 * bench/cql/elm/ so that the bench and the tests run without a translation step;
 * test/peer/cql-elm-current.test.ts fails when the committed ELM is not what a fresh translation
 * of the .cql gives.
 *
 *   npx tsx bench/cql/translate.ts          writes bench/cql/elm/AllpathDiagnosis.json
 *   npx tsx bench/cql/translate.ts --check  exits 1 when the committed ELM is stale
 *
 * Options: locators (so that a runtime error names the CQL line) and no list demotion or
 * promotion (a list is never silently taken for one element); no annotations (the CQL source
 * copied into the ELM would only make it larger).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { SystemModelInfoProvider } from '@cqframework/cql/cql';
import {
  CqlCompilerOptions, CqlTranslator, LibraryManager, ModelManager, createModelInfoProvider, stringAsSource,
} from '@cqframework/cql/cql-to-elm';
import { ELM_FILE } from './engine.js';

export const CQL_FILE = fileURLToPath(new URL('./AllpathDiagnosis.cql', import.meta.url));

/** The FHIR 4.0.1 model info cql-exec-fhir reads Bundles with. */
function fhirModelInfo(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('cql-exec-fhir/lib/modelInfos/fhir-modelinfo-4.0.1.xml'), 'utf8');
}

export class TranslationError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(`CQL translation failed:\n${messages.slice(0, 8).join('\n')}`);
    this.name = 'TranslationError';
  }
}

/** The ELM JSON of the library, formatted as committed (2-space indent, newline at the end). */
export function translate(cql: string = readFileSync(CQL_FILE, 'utf8')): string {
  const fhir = fhirModelInfo();
  const models = new ModelManager();
  models.modelInfoLoader.registerModelInfoProvider(new SystemModelInfoProvider());
  models.modelInfoLoader.registerModelInfoProvider(
    createModelInfoProvider((id, _system, version) => (id === 'FHIR' && (version === null || version === '4.0.1') ? stringAsSource(fhir) : null)),
  );
  const O = CqlCompilerOptions.Options;
  const options = new CqlCompilerOptions().withOptions([O.EnableLocators, O.DisableListDemotion, O.DisableListPromotion]);
  const libraries = new LibraryManager(models, options);
  const translator = CqlTranslator.fromText(cql, libraries);
  const errors = translator.errors.asJsReadonlyArrayView();
  if (errors.length > 0) {
    throw new TranslationError(errors.map((e) => `${String(e.locator ?? '')} ${e.message}`));
  }
  return `${JSON.stringify(JSON.parse(translator.toJson()), null, 2)}\n`;
}

function main(): void {
  const fresh = translate();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(ELM_FILE, 'utf8');
    if (committed !== fresh) {
      console.error(`${ELM_FILE} is stale: run npx tsx bench/cql/translate.ts`);
      process.exit(1);
    }
    console.log(`${ELM_FILE} is current`);
    return;
  }
  writeFileSync(ELM_FILE, fresh);
  console.log(`wrote ${ELM_FILE}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
