/** What the renderers need to create a component's children. */
import type * as pulumi from '@pulumi/pulumi';
import type { InputReferences } from './input-references';

/** The component the children belong to, and the values they share. */
export interface RenderContext {
  /** The component's name, the prefix of every child name. */
  readonly name: string;
  readonly parent: pulumi.Resource;
  /** Turns the policy's placeholders back into the user's inputs. */
  readonly references: InputReferences;
  /** Tags for the children that take them. */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
