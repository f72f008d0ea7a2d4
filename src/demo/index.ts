/** The synthetic demo cohort. */
export { DEMO_AS_OF, DEMO_PREFIX, demoCase, demoCases, demoId, isDemoId } from './cohort.js';
export { SUBTYPE_MIX, PH_IN_PRECURSOR_B, STAGE_MIX, type DemoStage, type DemoSubtype } from './mix.js';
