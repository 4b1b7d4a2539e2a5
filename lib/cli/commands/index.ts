/** Every command of `apple-ports`, in the order `--help` lists them. */
import { registerCatalogueCheck } from './catalogue-check';
import { registerChanges } from './changes';
import type { RegisterCommand } from './command';
import { registerCompletion } from './completion';
import { registerDiff } from './diff';
import { registerFirewall } from './firewall';
import { registerFlowsCommand } from './flows';
import { registerHosts } from './hosts';
import { registerLookup } from './lookup';
import { registerProducts } from './products';
import { registerProfiles } from './profiles';
import { registerResolve } from './resolve';
import { registerReview } from './review';

export type { CommandContext, RegisterCommand } from './command';

/** The commands' register functions; a new command adds its own here. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerProducts,
  registerProfiles,
  registerResolve,
  registerLookup,
  registerHosts,
  registerFirewall,
  registerDiff,
  registerChanges,
  registerCatalogueCheck,
  (program, { io }) => {
    registerFlowsCommand(program, io);
  },
  registerReview,
  registerCompletion,
];
