/**
 * What the checks run by `.ci/run` share: finding a tool on the PATH, installing a Debian package
 * when CI runs without it, and saying clearly when a tool is absent on a developer's machine.
 */
import { spawnSync } from 'node:child_process';

/** True when `command` runs from the PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure `command` is there: in CI (CI=true) it installs the Debian package with apt-get; on a
 * developer's machine it says how to install it and returns false, so the check is skipped aloud.
 */
export function ensureCommand(command: string, debianPackage: string): boolean {
  if (hasCommand(command)) {
    return true;
  }
  if (process.env.CI === 'true') {
    process.stdout.write(`${command} is missing: installing the Debian package ${debianPackage}\n`);
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', debianPackage], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) : update;
    if (install.status !== 0 || !hasCommand(command)) {
      throw new Error(`could not install ${debianPackage} (apt-get exited ${install.status}); the ${command} check cannot run`);
    }
    return true;
  }
  process.stdout.write(`SKIPPED: ${command} is not installed, so this check did not run. Install it with \`apt-get install -y ${debianPackage}\`, or run it in CI, which installs it.\n`);
  return false;
}
