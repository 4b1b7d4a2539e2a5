/** `apple-ports completion bash|zsh`: the shell completion script, generated from the commands themselves. */
import { Argument } from 'commander';
import { SHELLS, completionScript, type Shell } from '../completion';
import { examples, type RegisterCommand } from './command';

/** Adds `completion` to the program. */
export const registerCompletion: RegisterCommand = (program, { io }) => {
  program
    .command('completion')
    .description('print the shell completion script for bash or zsh: commands, options, formats, products, profiles and host groups')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText('after', examples('completion bash > ~/.local/share/bash-completion/completions/apple-ports', 'completion zsh >> ~/.zshrc'))
    .action((shell: Shell) => io.stdout(completionScript(program, shell)));
};
