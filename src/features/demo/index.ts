/** The demo-data feature's public API: the deterministic demo dataset and its loader. */
export {
  seedDemo, seedDemoIfEmpty, DemoDataAlreadyPresent, DEFAULT_DEMO_SEED, DEMO_HORIZON_DAYS,
  type SeedOptions, type SeedProgress, type SeedReport, type SeedPhase,
} from './seed-demo.ts';
export { seedFromText } from './domain/random.ts';
