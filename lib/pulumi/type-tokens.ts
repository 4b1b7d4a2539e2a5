/** The components' type tokens: `apple-ports:index:<Name>`, the package part frozen, as Pulumi URNs keep it. */

/** The type token of a component. */
export function typeToken(name: string): string {
  return `apple-ports:index:${name}`;
}
